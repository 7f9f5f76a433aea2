'use client';

import { useEffect, useRef, useState, useTransition, type ChangeEvent } from 'react';
import { useTranslations } from 'next-intl';
import { checkGroupedNumberAction } from '@/actions/clients';
import { TextField } from '@/components/form/fields';
import { idleState } from '@/actions/action-state';

type GroupedCheck = { ok: boolean; message: string } | null;

/**
 * The field "No. client regroupé" and what it means for this client (billed alone, a grouped
 * account, a member of a head's group, or why not), checked on the server while the person types.
 */
export function GroupedClientSection({
  clientNumber,
  field,
  onMakeHead,
  isLive,
  effectiveDate,
}: {
  clientNumber: string;
  field: { name: string; value: string; onChange: (event: ChangeEvent<HTMLInputElement>) => void; errors?: string[] };
  /** "Ce client est un compte regroupé": the field takes the client's own number. */
  onMakeHead: () => void;
  /** Checked while typing only where the person may edit the client. */
  isLive: boolean;
  /** "En vigueur le", shown once the number differs from today's membership. */
  effectiveDate?: {
    name: string;
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    errors?: string[];
    max?: string;
  };
}) {
  const t = useTranslations('clientForm');
  const [groupedCheck, setGroupedCheck] = useState<GroupedCheck>(null);
  const [isChecking, startChecking] = useTransition();
  const requestId = useRef(0);
  useEffect(() => {
    if (!isLive) return;
    const id = ++requestId.current;
    const timer = setTimeout(() => {
      startChecking(async () => {
        const form = new FormData();
        form.set('clientNumber', clientNumber);
        form.set('groupedClientNumber', field.value);
        const result = await checkGroupedNumberAction(idleState, form);
        // Only the answer to what is typed now counts.
        if (id !== requestId.current) return;
        if (result.status === 'success') setGroupedCheck(result.data);
        else if (result.status === 'error')
          setGroupedCheck({ ok: false, message: result.fieldErrors.groupedClientNumber?.join(' ') || result.message });
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [clientNumber, field.value, isLive]);

  return (
    <section>
      <h2>{t('sections.grouping')}</h2>
      <div className="grouped-field">
        <TextField {...field} label={t('groupedClientNumber')} hint={t('groupedHint')} inputMode="numeric" />
        <button type="button" className="secondary" onClick={onMakeHead} disabled={!clientNumber}>
          {t('makeHead')}
        </button>
      </div>
      {effectiveDate ? (
        <TextField {...effectiveDate} label={t('effectiveDate')} hint={t('effectiveDateHint')} type="date" required isNarrow />
      ) : null}
      <p className={`grouped-status ${groupedCheck && !groupedCheck.ok ? 'error' : ''}`} aria-live="polite" data-testid="grouped-status">
        {isChecking && !groupedCheck ? t('groupedStatus.checking') : groupedCheck?.message}
      </p>
    </section>
  );
}
