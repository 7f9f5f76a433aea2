import { getTranslations } from 'next-intl/server';
import { DateRangeFields } from '@/components/form/date-range-fields';
import { CheckboxField, SelectField } from '@/components/form/fields';
import type { listRuns } from '@/lib/billing/find-runs';
import type { DeliveryForm as DeliveryFormValues } from '@/lib/delivery/delivery-input';

/** What to deliver: a run or issue dates, the grouped-process checkbox, and print or e-mail. */
export async function DeliveryForm({ form, runs }: { form: DeliveryFormValues; runs: Awaited<ReturnType<typeof listRuns>> }) {
  const t = await getTranslations();
  const completedRuns = runs.filter(({ run }) => run.status === 'completed');
  return (
    <form method="get" action="/billing/delivery" className="search-bar">
      <SelectField
        name="runId"
        label={t('delivery.run')}
        defaultValue={form.runId}
        options={[
          { value: '', label: t('delivery.anyRun') },
          ...completedRuns.map(({ run }) => ({
            value: String(run.id),
            label: t('delivery.runOption', { id: run.id, kind: t(`runs.kinds.${run.kind}`), date: run.issueDate, count: run.invoiceCount }),
          })),
        ]}
      />
      <span className="hint">{t('delivery.or')}</span>
      <DateRangeFields from={form.from} to={form.to} labels={{ from: t('delivery.from'), to: t('delivery.to') }} />
      <CheckboxField name="isGrouped" label={t('delivery.grouped')} defaultChecked={form.isGrouped} />
      <fieldset className="field method">
        <legend>{t('delivery.method')}</legend>
        {(['print', 'email'] as const).map((method) => (
          <label key={method}>
            <input type="radio" name="method" value={method} defaultChecked={form.method === method} /> {t(`delivery.${method}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary">
        {t('delivery.show')}
      </button>
    </form>
  );
}
