'use client';

import { useTranslations } from 'next-intl';
import { setSubtotalReferenceAction } from '@/actions/references';
import { ActionForm, ActionMessage, SubmitRow, useActionForm } from '@/components/form/action-form';
import { SelectField } from '@/components/form/fields';

/** `Sous-totaux par`: one of the client's own references subtotals its invoices' member blocks, or none. */
export function SubtotalReferenceForm({
  clientNumber,
  rules,
}: {
  clientNumber: number;
  rules: readonly { id: number; label: string; isSubtotal: boolean }[];
}) {
  const t = useTranslations('references');
  const form = useActionForm(setSubtotalReferenceAction);
  const chosen = rules.find((rule) => rule.isSubtotal);
  return (
    <ActionForm form={form} fields={{ clientNumber }} className="form" aria-label={t('subtotalBy')}>
      <SelectField
        // Keyed by the stored choice: after a save the field shows it, not what was selected.
        key={chosen?.id ?? 'none'}
        name="id"
        id="subtotal-reference"
        label={t('subtotalBy')}
        hint={t('subtotalHint')}
        defaultValue={chosen ? String(chosen.id) : ''}
        options={[{ value: '', label: t('subtotalNoneOption') }, ...rules.map((rule) => ({ value: String(rule.id), label: rule.label }))]}
        errors={form.fieldErrors.id}
      />
      <ActionMessage />
      <SubmitRow label={t('subtotalApply')} />
    </ActionForm>
  );
}
