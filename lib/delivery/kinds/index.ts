/** Every kind of document the e-mail worker sends (lib/delivery/document-kind.ts). */
import type { EmailedKind } from '../document-kind';
import { contestNoticeDelivery } from './contest-notice';
import { invoiceDelivery } from './invoice';
import { portalInvitationDelivery } from './portal-invitation';
import { statementDelivery } from './statement';

export const EMAILED_KINDS: readonly EmailedKind[] = [invoiceDelivery, statementDelivery, portalInvitationDelivery, contestNoticeDelivery];
