/** English messages: the same keys as French, checked by the compiler. */
import type { Messages } from '../fr/index';
import { enAccounting } from './accounting';
import { enAdmin } from './admin';
import { enApi } from './api';
import { enBase } from './base';
import { enBilling } from './billing';
import { enCalls } from './calls';
import { enClients } from './clients';
import { enDelivery } from './delivery';
import { enDocuments } from './documents';
import { enFileRoutes } from './file-routes';
import { enImport } from './import';
import { enMunicipalities } from './municipalities';
import { enContests } from './contests';
import { enPortal } from './portal';
import { enReferences } from './references';
import { enReceivables } from './receivables';
import { enReports } from './reports';
import { enSettings } from './settings';
import { enStatements } from './statements';

export const en: Messages = {
  ...enBase,
  ...enClients,
  ...enCalls,
  ...enBilling,
  ...enDelivery,
  ...enDocuments,
  ...enSettings,
  ...enAdmin,
  ...enReceivables,
  ...enStatements,
  ...enApi,
  ...enImport,
  ...enAccounting,
  ...enFileRoutes,
  ...enMunicipalities,
  ...enReferences,
  ...enPortal,
  ...enContests,
  ...enReports,
  errors: {
    ...enBase.errors,
    ...enClients.errors,
    ...enCalls.errors,
    ...enBilling.errors,
    ...enDelivery.errors,
    ...enSettings.errors,
    ...enAdmin.errors,
    ...enReceivables.errors,
    ...enStatements.errors,
    ...enApi.errors,
    ...enImport.errors,
    ...enAccounting.errors,
    ...enMunicipalities.errors,
    ...enReferences.errors,
    ...enPortal.errors,
    ...enContests.errors,
  },
};
