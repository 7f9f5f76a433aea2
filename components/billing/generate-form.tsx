'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { generateInvoicesAction } from '@/actions/billing';
import { ActionForm, SubmitRow, useActionForm } from '@/components/form/action-form';
import { FormMessage } from '@/components/form/fields';

type Props = {
  inputs: { cutoff: string; cycle: string; clientFrom: string; clientTo: string; isGrouped: boolean };
  /** The list as shown (lib/billing/confirmed-list.ts, encoded) and its number of invoices. */
  expected: { invoices: number; confirmed: string };
  totalLabel: string;
};

/** Generation from the billing list: a confirmation states what will be created, then one run. */
export function GenerateForm({ inputs, expected, totalLabel }: Props) {
  const t = useTranslations('billing');
  const [isConfirming, setConfirming] = useState(false);
  // Held here rather than in the confirmation, so that the outcome stays once it is closed.
  const form = useActionForm(generateInvoicesAction);
  // The keyboard focus follows the swap: to the confirmation, and back to the button on cancel.
  const generateButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (!isConfirming && wasConfirming.current) generateButton.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);
  return (
    <section className="generate" aria-labelledby="generate-title">
      <h2 id="generate-title">{t('generateTitle')}</h2>
      {!isConfirming ? (
        <button
          ref={generateButton}
          type="button"
          className="primary"
          onClick={() => setConfirming(true)}
          disabled={expected.invoices === 0}
        >
          {t('generate')}
        </button>
      ) : (
        <ActionForm
          form={form}
          fields={{
            cutoff: inputs.cutoff,
            cycle: inputs.cycle,
            clientFrom: inputs.clientFrom,
            clientTo: inputs.clientTo,
            isGrouped: inputs.isGrouped ? 'on' : null,
            confirmed: expected.confirmed,
          }}
          className="confirm"
          role="group"
          aria-label={t('generateTitle')}
        >
          <p>{t('confirm', { invoices: expected.invoices, total: totalLabel, isGrouped: String(inputs.isGrouped) })}</p>
          <SubmitRow label={t('confirmButton')} pendingLabel={t('generating')} autoFocus>
            <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={form.isPending}>
              {t('cancel')}
            </button>
          </SubmitRow>
        </ActionForm>
      )}
      <FormMessage state={form.state} />
    </section>
  );
}
