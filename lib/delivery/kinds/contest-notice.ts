/**
 * The notice of a contested call (lib/contests) as one more kind of e-mailed document: an e-mail
 * without attachment to the company's own address, in French (the staff's language), with the
 * link to the call's page where the billing clerk answers.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/index';
import { invoiceOfCall } from '@/lib/billing/invoiced-calls';
import { formatDate } from '@/lib/i18n/format';
import { documentTranslator } from '@/lib/i18n/document-words';
import type { EmailedKind } from '../document-kind';
import { appUrl } from './portal-invitation';

export const contestNoticeDelivery: EmailedKind = {
  table: 'call_contests',
  deliveryColumn: 'call_contest_id',
  // A contest answered before its notice's turn needs no notice.
  isSendable: sql`exists (select 1 from call_contests c where c.id = deliveries.call_contest_id and c.status = 'open')`,
  async emailOf(db, contestId) {
    const [found] = await queryRows<{
      call: string;
      account: number;
      name: string;
      comment: string;
      contested_by: string;
      service_date: string;
      client: string;
      invoice: string | null;
    }>(
      db,
      sql`select c.call_number::text as call, c.account_number as account, a.name, c.comment, u.name as contested_by,
                 k.service_date::text, k.client_number || ' — ' || kc.name as client,
                 (select i.number::text ${invoiceOfCall(sql`c.call_number`)}) as invoice
            from call_contests c
            join clients a on a.number = c.account_number
            join users u on u.id = c.contested_by
            join calls k on k.number = c.call_number
            join clients kc on kc.number = k.client_number
           where c.id = ${contestId}`,
    );
    if (!found) throw new Error(`contestation ${contestId} introuvable`);
    const t = documentTranslator('fr');
    const values = {
      call: found.call,
      account: String(found.account),
      name: found.name,
      comment: found.comment,
      contestedBy: found.contested_by,
      date: formatDate(found.service_date, 'fr'),
      client: found.client,
      invoice:
        found.invoice === null ? t('email.contestNotice.notInvoiced') : t('email.contestNotice.invoiced', { invoice: found.invoice }),
      link: `${appUrl()}/calls/${found.call}`,
    };
    return { subject: t('email.contestNotice.subject', values), text: t('email.contestNotice.text', values), attachment: null };
  },
};
