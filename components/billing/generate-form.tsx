'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { generateInvoicesAction } from '@/actions/billing';
import { FormMessage } from '@/components/form/fields';
import { idleState } from '@/actions/action-state';

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
  const [state, action, isPending] = useActionState(generateInvoicesAction, idleState);
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
        <form action={action} className="confirm" role="group" aria-label={t('generateTitle')}>
          <input type="hidden" name="cutoff" value={inputs.cutoff} />
          <input type="hidden" name="cycle" value={inputs.cycle} />
          <input type="hidden" name="clientFrom" value={inputs.clientFrom} />
          <input type="hidden" name="clientTo" value={inputs.clientTo} />
          {inputs.isGrouped ? <input type="hidden" name="isGrouped" value="on" /> : null}
          <input type="hidden" name="confirmed" value={expected.confirmed} />
          <p>{t('confirm', { invoices: expected.invoices, total: totalLabel, isGrouped: String(inputs.isGrouped) })}</p>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={isPending} autoFocus>
              {isPending ? t('generating') : t('confirmButton')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={isPending}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      <FormMessage state={state} />
    </section>
  );
}
