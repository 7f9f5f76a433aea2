/** English messages: the same keys as French, checked by the compiler. */
import type { Messages } from '../fr/index';
import { enAdmin } from './admin';
import { enBase } from './base';
import { enClients } from './clients';

export const en: Messages = { ...enBase, ...enClients, ...enAdmin, errors: { ...enBase.errors, ...enClients.errors, ...enAdmin.errors } };
