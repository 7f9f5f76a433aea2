import type { frDelivery } from '../fr/delivery';

export const enDelivery: typeof frDelivery = {
  errors: {},
};
