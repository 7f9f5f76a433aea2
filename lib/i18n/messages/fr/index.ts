/** French messages (the reference), one module per area of the application. */
import { frAccounting } from './accounting';
import { frAdmin } from './admin';
import { frApi } from './api';
import { frBase } from './base';
import { frBilling } from './billing';
import { frCalls } from './calls';
import { frClients } from './clients';
import { frDelivery } from './delivery';
import { frDocuments } from './documents';
import { frFileRoutes } from './file-routes';
import { frImport } from './import';
import { frMunicipalities } from './municipalities';
import { frContests } from './contests';
import { frPortal } from './portal';
import { frReferences } from './references';
import { frReceivables } from './receivables';
import { frReports } from './reports';
import { frSettings } from './settings';
import { frStatements } from './statements';

export const fr = {
  ...frBase,
  ...frClients,
  ...frCalls,
  ...frBilling,
  ...frDelivery,
  ...frDocuments,
  ...frSettings,
  ...frAdmin,
  ...frReceivables,
  ...frStatements,
  ...frApi,
  ...frImport,
  ...frAccounting,
  ...frFileRoutes,
  ...frMunicipalities,
  ...frReferences,
  ...frPortal,
  ...frContests,
  ...frReports,
  errors: {
    ...frBase.errors,
    ...frClients.errors,
    ...frCalls.errors,
    ...frBilling.errors,
    ...frDelivery.errors,
    ...frSettings.errors,
    ...frAdmin.errors,
    ...frReceivables.errors,
    ...frStatements.errors,
    ...frApi.errors,
    ...frImport.errors,
    ...frAccounting.errors,
    ...frMunicipalities.errors,
    ...frReferences.errors,
    ...frPortal.errors,
    ...frContests.errors,
  },
};
export type Messages = typeof fr;
