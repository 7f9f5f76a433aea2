import type { frAdmin } from '../fr/admin';

export const enAdmin: typeof frAdmin = {
  errors: {},
};
