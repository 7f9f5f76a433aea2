import { getTranslations } from 'next-intl/server';
import { AnswerContestForm } from '@/components/contests/answer-contest-form';
import type { CallContest } from '@/lib/contests/find-contests';
import type { Locale } from '@/lib/i18n/locale';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';

/**
 * A call's contests from the client portal, on its page for the staff: each comment and answer,
 * and for the one waiting, the answer form when the user may answer (administrators and billing clerks).
 */
export async function CallContestsSection({
  contests,
  canAnswer,
  locale,
}: {
  contests: CallContest[];
  canAnswer: boolean;
  locale: Locale;
}) {
  if (contests.length === 0) return null;
  const t = await getTranslations('callContests');
  return (
    <section aria-labelledby="contests-title" id="contests" data-testid="call-contests">
      <h2 id="contests-title">{t('sectionTitle')}</h2>
      <ul className="plain-list">
        {contests.map((contest) => (
          <li key={contest.id} className={contest.status === 'open' ? 'notice hold' : undefined}>
            <p>
              <strong>{t(`statuses.${contest.status}`)}</strong> —{' '}
              {t('contested', {
                date: formatDateTime(contest.contestedAt, locale),
                name: contest.contestedBy,
                account: contest.accountNumber,
                comment: contest.comment,
              })}
            </p>
            {contest.answeredAt ? (
              <p>
                {t('answered', {
                  status: t(`statuses.${contest.status}`),
                  date: formatDateTime(contest.answeredAt, locale),
                  name: contest.answeredBy ?? '',
                })}
                {contest.creditNote
                  ? ` — ${t('creditNote', { number: contest.creditNote.number, amount: formatMoney(contest.creditNote.totalCents, locale) })}`
                  : ''}
              </p>
            ) : null}
            {contest.answer ? <blockquote>{contest.answer}</blockquote> : null}
            {contest.status === 'open' && canAnswer ? (
              <AnswerContestForm id={contest.id} callNumber={contest.callNumber} invoiceNumber={contest.invoiceNumber} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
