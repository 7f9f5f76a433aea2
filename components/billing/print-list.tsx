import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/tables/data-table';
import type { DeliveryForm } from '@/lib/delivery/delivery-input';
import type { DeliveredInvoice } from '@/lib/delivery/kinds/invoice';
import { formatDateTimeShort } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';

/** The invoices a print batch takes, and the button that prints them as one PDF. */
export async function PrintList({ invoices, form, locale }: { invoices: DeliveredInvoice[]; form: DeliveryForm; locale: Locale }) {
  const t = await getTranslations('delivery');
  if (invoices.length === 0) return <p>{t('none')}</p>;
  return (
    <section aria-labelledby="print-title">
      <h2 id="print-title">{t('printTitle', { count: invoices.length })}</h2>
      <form method="post" action="/billing/delivery/print" className="delivery-controls">
        <input type="hidden" name="runId" value={form.runId} />
        <input type="hidden" name="from" value={form.from} />
        <input type="hidden" name="to" value={form.to} />
        {form.isGrouped ? <input type="hidden" name="isGrouped" value="on" /> : null}
        <button type="submit" className="primary">
          {t('printButton')}
        </button>
        <span className="hint">{t('printHint')}</span>
      </form>
      <DataTable<DeliveredInvoice>
        labelledBy="print-title"
        rows={invoices}
        rowKey={(invoice) => invoice.documentId}
        columns={[
          { header: t('columns.number'), cell: (invoice) => <Link href={`/invoices/${invoice.number}`}>{invoice.number}</Link> },
          { header: t('columns.client'), cell: (invoice) => `${invoice.billedClientNumber} — ${invoice.name}` },
          {
            header: t('columns.status'),
            cell: (invoice) =>
              invoice.printedAt ? t('printed', { date: formatDateTimeShort(invoice.printedAt, locale) }) : t('notPrinted'),
          },
        ]}
      />
    </section>
  );
}
