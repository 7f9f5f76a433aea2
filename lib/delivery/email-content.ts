import { formatDate, formatMoney } from '@/lib/i18n/format';

/** The subject and body of an invoice e-mail, in the billed client's language (the invoice's). */
export function invoiceEmailContent(
  invoice: { number: number; language: 'fr' | 'en'; issueDate: string; dueDate: string; totalCents: number },
  companyName: string,
) {
  const { number, language } = invoice;
  if (language === 'en') {
    return {
      subject: `Invoice ${number} — ${companyName}`,
      text:
        `Hello,\n\nPlease find attached invoice ${number} of ${formatDate(invoice.issueDate, 'en')}, ` +
        `for ${formatMoney(invoice.totalCents, 'en')}, due on ${formatDate(invoice.dueDate, 'en')}.\n\nThank you for your business,\n${companyName}\n`,
      filename: `invoice-${number}.pdf`,
    };
  }
  return {
    subject: `Facture ${number} — ${companyName}`,
    text:
      `Bonjour,\n\nVeuillez trouver ci-joint la facture ${number} du ${formatDate(invoice.issueDate, 'fr')}, ` +
      `d’un montant de ${formatMoney(invoice.totalCents, 'fr')}, payable au plus tard le ${formatDate(invoice.dueDate, 'fr')}.\n\nMerci de votre confiance,\n${companyName}\n`,
    filename: `facture-${number}.pdf`,
  };
}

/** The subject and body of a statement of account e-mail, in the billed client's language. */
export function statementEmailContent(
  statement: { clientNumber: number; language: 'fr' | 'en'; from: string; to: string; closingCents: number },
  companyName: string,
) {
  const { clientNumber, language, to } = statement;
  if (language === 'en') {
    return {
      subject: `Statement of account ${clientNumber} — ${formatDate(to, 'en')} — ${companyName}`,
      text:
        `Hello,\n\nPlease find attached your statement of account from ${formatDate(statement.from, 'en')} to ${formatDate(to, 'en')}. ` +
        `Balance at ${formatDate(to, 'en')}: ${formatMoney(statement.closingCents, 'en')}.\n\nThank you for your business,\n${companyName}\n`,
      filename: `statement-${clientNumber}-${to}.pdf`,
    };
  }
  return {
    subject: `État de compte ${clientNumber} — ${formatDate(to, 'fr')} — ${companyName}`,
    text:
      `Bonjour,\n\nVeuillez trouver ci-joint votre état de compte du ${formatDate(statement.from, 'fr')} au ${formatDate(to, 'fr')}. ` +
      `Solde au ${formatDate(to, 'fr')} : ${formatMoney(statement.closingCents, 'fr')}.\n\nMerci de votre confiance,\n${companyName}\n`,
    filename: `etat-de-compte-${clientNumber}-${to}.pdf`,
  };
}
