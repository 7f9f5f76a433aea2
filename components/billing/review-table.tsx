'use client';

import { Link } from '@/components/link';
import { useTranslations } from 'next-intl';
import { approveCallsAction } from '@/actions/call-holds';
import { HoldCallForm, ReleaseCallButton } from '@/components/calls/call-hold';
import { ActionButton } from '@/components/form/action-button';
import { ActionForm, ActionMessage, SubmitRow, useActionForm } from '@/components/form/action-form';
import type { ReviewRow } from '@/lib/review/find-review';

/**
 * The calls to review, each with its reasons and its actions (open it to correct it, approve it,
 * hold it with a reason or release it), and a checkbox to approve several at once.
 */
export function ReviewTable({ rows, dates, prices }: { rows: ReviewRow[]; dates: string[]; prices: string[] }) {
  const t = useTranslations('review');
  const form = useActionForm(approveCallsAction);
  return (
    <>
      <ActionForm form={form} id="approve-checked" className="form">
        <ActionMessage />
        {rows.length > 0 ? <SubmitRow label={t('approveChecked')} variant="secondary" /> : null}
      </ActionForm>
      {rows.length === 0 ? <p>{t('none')}</p> : null}
      {rows.length === 0 ? null : (
        <table className="data-table" aria-label={t('tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('columns.select')}</th>
              <th scope="col">{t('columns.call')}</th>
              <th scope="col">{t('columns.client')}</th>
              <th scope="col">{t('columns.date')}</th>
              <th scope="col">{t('columns.pickup')}</th>
              <th scope="col" className="numeric">
                {t('columns.price')}
              </th>
              <th scope="col">{t('columns.reasons')}</th>
              <th scope="col">{t('columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              // A contest from the client portal is answered on the call's page, not approved here.
              const isContested = row.reasons.includes('contested');
              return (
                <tr key={row.number} data-testid={`review-${row.number}`}>
                  <td>
                    {row.reasons.length > 0 && !row.hold && !isContested ? (
                      <input
                        type="checkbox"
                        name="numbers"
                        value={row.number}
                        form="approve-checked"
                        aria-label={t('approveOne', { number: row.number })}
                      />
                    ) : null}
                  </td>
                  <td>
                    <Link href={`/calls/${row.number}`}>{row.number}</Link>
                  </td>
                  <td>
                    {row.clientNumber} — {row.clientName}
                  </td>
                  <td className="nowrap">{dates[index]}</td>
                  <td>{row.pickupAddress}</td>
                  <td className="numeric">{prices[index]}</td>
                  <td>
                    {[
                      ...row.reasons.map((reason) => t(`reasons.${reason}`)),
                      ...(row.hold ? [t('heldReason', { reason: row.hold.reason, name: row.hold.heldBy })] : []),
                    ].join(' · ')}
                  </td>
                  <td>
                    {row.hold ? (
                      <ReleaseCallButton number={row.number} />
                    ) : isContested ? (
                      <>
                        <Link href={`/calls/${row.number}#contests`}>{t('answerContest', { number: row.number })}</Link>
                        <HoldCallForm number={row.number} />
                      </>
                    ) : (
                      <>
                        <ActionButton
                          action={approveCallsAction}
                          fields={{ numbers: row.number }}
                          label={t('approveOne', { number: row.number })}
                        />
                        <HoldCallForm number={row.number} />
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
