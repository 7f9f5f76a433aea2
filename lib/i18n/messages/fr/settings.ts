/** Company settings (Administration › Paramètres). */
export const frSettings = {
  errors: {},
};
