'use server';

/** The e-mail actions of every delivered kind of document, each on its own screen. */
import { defineEmailActions } from '@/actions/define-email-actions';
import { invoiceDelivery } from '@/lib/delivery/kinds/invoice';
import { statementDelivery } from '@/lib/delivery/kinds/statement';

const invoiceEmails = defineEmailActions({
  messages: 'delivery',
  kind: invoiceDelivery,
  screen: '/billing/delivery',
  numberOf: (key) => key.number,
});
const statementEmails = defineEmailActions({
  messages: 'statements',
  kind: statementDelivery,
  screen: '/receivables/statements',
  numberOf: (key) => key.clientNumber,
});

export const sendEmailsAction = invoiceEmails.send;
export const retryFailedEmailsAction = invoiceEmails.retry;
export const resendInvoiceEmailAction = invoiceEmails.resend;
export const sendStatementEmailsAction = statementEmails.send;
export const retryFailedStatementEmailsAction = statementEmails.retry;
export const resendStatementEmailAction = statementEmails.resend;
