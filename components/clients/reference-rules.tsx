import { getTranslations } from 'next-intl/server';
import { removeReferenceRuleAction } from '@/actions/references';
import { ActionButton } from '@/components/form/action-button';
import { DataTable } from '@/components/tables/data-table';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { ReferenceRule } from '@/lib/references/reference-rules';
import { ReferenceRuleForm } from './reference-rule-form';
import { SubtotalReferenceForm } from './subtotal-reference-form';

/**
 * A client's required references (and, for a member, its head's, which its calls carry too),
 * with the administrator's form to add or change one and a button to remove one of its own.
 */
export async function ReferenceRules({
  clientNumber,
  rules,
  headRules,
  headNumber,
  canEdit,
  locale,
  today,
}: {
  clientNumber: number;
  rules: (ReferenceRule & { isSubtotal: boolean })[];
  headRules: ReferenceRule[];
  headNumber: number | null;
  canEdit: boolean;
  locale: Locale;
  today: string;
}) {
  const t = await getTranslations('references');
  const all = [...headRules, ...rules];
  return (
    <section className="references" aria-labelledby="references-title">
      <h2 id="references-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      {all.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable<ReferenceRule>
          label={t('tableLabel', { number: clientNumber })}
          rows={all}
          rowKey={(rule) => rule.id}
          columns={[
            {
              header: t('columns.label'),
              cell: (rule) => (
                <>
                  {rule.label}
                  {rules.some((own) => own.id === rule.id && own.isSubtotal) ? (
                    <span className="hint"> · {t('subtotalMarker')}</span>
                  ) : null}
                </>
              ),
            },
            {
              header: t('columns.format'),
              cell: (rule) => (rule.format === null ? '—' : t('formatValue', { format: rule.format, example: rule.example ?? '' })),
            },
            { header: t('columns.allowedValues'), cell: (rule) => (rule.allowedValues.length > 0 ? rule.allowedValues.join(', ') : '—') },
            { header: t('columns.requiredFrom'), isNowrap: true, cell: (rule) => formatDate(rule.requiredFrom, locale) },
            {
              header: t('columns.client'),
              cell: (rule) =>
                rule.clientNumber === clientNumber ? (
                  canEdit ? (
                    <ActionButton
                      action={removeReferenceRuleAction}
                      fields={{ clientNumber, id: rule.id }}
                      label={t('removeLabel', { label: rule.label })}
                      isDanger
                    />
                  ) : (
                    String(clientNumber)
                  )
                ) : (
                  t('fromHead', { number: headNumber ?? rule.clientNumber })
                ),
            },
          ]}
        />
      )}
      {canEdit && rules.length > 0 ? <SubtotalReferenceForm clientNumber={clientNumber} rules={rules} /> : null}
      {canEdit ? <ReferenceRuleForm clientNumber={clientNumber} today={today} /> : null}
    </section>
  );
}
