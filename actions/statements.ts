'use server';

import { defineEmailActions } from '@/actions/define-email-actions';
import { statementDelivery } from '@/lib/delivery/kinds/statement';

const statementEmails = defineEmailActions({
  messages: 'statements',
  kind: statementDelivery,
  screen: '/receivables/statements',
  numberOf: (key) => key.clientNumber,
});

export const sendStatementEmailsAction = statementEmails.send;
export const retryFailedStatementEmailsAction = statementEmails.retry;
export const resendStatementEmailAction = statementEmails.resend;
