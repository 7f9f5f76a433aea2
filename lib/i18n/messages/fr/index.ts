/** French messages (the reference), one module per area of the application. */
import { frAdmin } from './admin';
import { frBase } from './base';
import { frBilling } from './billing';
import { frCalls } from './calls';
import { frClients } from './clients';

export const fr = { ...frBase, ...frClients, ...frCalls, ...frBilling, ...frAdmin, errors: { ...frBase.errors, ...frClients.errors, ...frCalls.errors, ...frBilling.errors, ...frAdmin.errors } };
export type Messages = typeof fr;
