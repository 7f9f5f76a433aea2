import type { frSettings } from '../fr/settings';

export const enSettings: typeof frSettings = {
  errors: {},
};
