'use client';

import { useTranslations } from 'next-intl';
import { reverseRunAction } from '@/actions/billing';
import { ActionButton } from '@/components/form/action-button';

export function ReverseRunButton({ id }: { id: number }) {
  const t = useTranslations('runs');
  return (
    <ActionButton
      action={reverseRunAction}
      fields={{ id }}
      label={t('reverse')}
      confirmText={t('reverseConfirm', { id })}
      isDanger
      className="danger-zone"
    />
  );
}
