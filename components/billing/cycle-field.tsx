import { getTranslations } from 'next-intl/server';
import { SelectField } from '@/components/form/fields';
import { BILLING_CYCLES } from '@/lib/billing/billing-input';

/** The billing cycle of a list's criteria (`cycle`): every cycle, weekly or monthly. */
export async function CycleField({ defaultValue }: { defaultValue: string }) {
  const t = await getTranslations('billing');
  return (
    <SelectField
      name="cycle"
      label={t('cycle')}
      defaultValue={defaultValue}
      options={BILLING_CYCLES.map((cycle) => ({ value: cycle, label: t(`cycles.${cycle}`) }))}
      isNarrow
    />
  );
}
