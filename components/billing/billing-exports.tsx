import { getTranslations } from 'next-intl/server';
import { billingListQuery, type BillingListForm } from '@/lib/billing/billing-input';

/** The billing list as a file: CSV for a French spreadsheet (semicolons), plain CSV, or PDF. */
export async function BillingExports({ form }: { form: BillingListForm }) {
  const t = await getTranslations('billing');
  const query = billingListQuery(form);
  const links = [
    { href: `/billing/export?${query}&separator=semicolon`, label: t('exportCsvSemicolon') },
    { href: `/billing/export?${query}&separator=comma`, label: t('exportCsv') },
    { href: `/billing/export?${query}&format=pdf`, label: t('exportPdf') },
  ];
  return (
    <p className="exports">
      {links.map((link, index) => (
        <span key={link.href}>
          {index > 0 ? ' · ' : null}
          <a href={link.href} download>
            {link.label}
          </a>
        </span>
      ))}
    </p>
  );
}
