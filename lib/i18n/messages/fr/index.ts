/** French messages (the reference), one module per area of the application. */
import { frAdmin } from './admin';
import { frBase } from './base';
import { frBilling } from './billing';
import { frCalls } from './calls';
import { frClients } from './clients';
import { frDelivery } from './delivery';
import { frReceivables } from './receivables';
import { frSettings } from './settings';

export const fr = {
  ...frBase,
  ...frClients,
  ...frCalls,
  ...frBilling,
  ...frDelivery,
  ...frSettings,
  ...frAdmin,
  ...frReceivables,
  errors: {
    ...frBase.errors,
    ...frClients.errors,
    ...frCalls.errors,
    ...frBilling.errors,
    ...frDelivery.errors,
    ...frSettings.errors,
    ...frAdmin.errors,
    ...frReceivables.errors,
  },
};
export type Messages = typeof fr;
