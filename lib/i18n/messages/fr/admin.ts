/** Administration screens: tariffs, users, settings, audit log. */
export const frAdmin = {
  errors: {},
};
