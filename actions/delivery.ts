'use server';

import { defineEmailActions } from '@/actions/define-email-actions';
import { invoiceDelivery } from '@/lib/delivery/kinds/invoice';

const invoiceEmails = defineEmailActions({
  messages: 'delivery',
  kind: invoiceDelivery,
  screen: '/billing/delivery',
  numberOf: (key) => key.number,
});

export const sendEmailsAction = invoiceEmails.send;
export const retryFailedEmailsAction = invoiceEmails.retry;
export const resendInvoiceEmailAction = invoiceEmails.resend;
