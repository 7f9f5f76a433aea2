/** French messages (the reference), one module per area of the application. */
import { frAdmin } from './admin';
import { frBase } from './base';
import { frClients } from './clients';

export const fr = { ...frBase, ...frClients, ...frAdmin, errors: { ...frBase.errors, ...frClients.errors, ...frAdmin.errors } };
export type Messages = typeof fr;
