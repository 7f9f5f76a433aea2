import { documentTranslator } from '@/lib/i18n/document-words';
import { formatDate, formatMoney } from '@/lib/i18n/format';

/** The subject, body and attachment's name of an invoice e-mail, in the billed client's language (the invoice's). */
export function invoiceEmailContent(
  invoice: { number: number; language: 'fr' | 'en'; issueDate: string; dueDate: string; totalCents: number },
  company: string,
) {
  const { number, language } = invoice;
  const t = documentTranslator(language);
  // Numbers as written on the invoice, without a thousands separator.
  const values = {
    number: String(number),
    company,
    issueDate: formatDate(invoice.issueDate, language),
    dueDate: formatDate(invoice.dueDate, language),
    total: formatMoney(invoice.totalCents, language),
  };
  return {
    subject: t('email.invoice.subject', values),
    text: t('email.invoice.text', values),
    filename: t('files.invoice', { number: String(number) }),
  };
}

/** The subject, body and attachment's name of a statement of account e-mail, in the billed client's language. */
export function statementEmailContent(
  statement: { clientNumber: number; language: 'fr' | 'en'; from: string; to: string; closingCents: number },
  company: string,
) {
  const { clientNumber, language } = statement;
  const t = documentTranslator(language);
  const values = {
    client: String(clientNumber),
    company,
    from: formatDate(statement.from, language),
    to: formatDate(statement.to, language),
    closing: formatMoney(statement.closingCents, language),
  };
  return {
    subject: t('email.statement.subject', values),
    text: t('email.statement.text', values),
    filename: t('files.statement', { client: String(clientNumber), to: statement.to }),
  };
}
