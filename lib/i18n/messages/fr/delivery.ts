/** Printing and e-mailing invoices. */
export const frDelivery = {
  errors: {},
};
