import { desc } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { outboxMessages } from '@/db/schema';
import { requireRoute } from '@/lib/auth/current-user';
import { formatDateTimeShort } from '@/lib/i18n/format';

/** The e-mails kept instead of sent when no SMTP server is configured (the embedded demo). */
export default async function OutboxPage() {
  await requireRoute('/admin/outbox');
  const t = await getTranslations('outbox');
  const locale = await getAppLocale();
  const messages = await getDb()
    .select({
      id: outboxMessages.id,
      recipients: outboxMessages.recipients,
      subject: outboxMessages.subject,
      body: outboxMessages.body,
      attachmentName: outboxMessages.attachmentName,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .orderBy(desc(outboxMessages.id))
    .limit(200);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {messages.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table className="data-table" aria-label={t('title')}>
          <thead>
            <tr>
              <th scope="col">{t('columns.date')}</th>
              <th scope="col">{t('columns.to')}</th>
              <th scope="col">{t('columns.subject')}</th>
              <th scope="col">{t('columns.attachment')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td className="nowrap">{formatDateTimeShort(message.createdAt, locale)}</td>
                <td>{message.recipients.join(', ')}</td>
                <td>
                  <details>
                    <summary>{message.subject}</summary>
                    <pre className="mail-body">{message.body}</pre>
                  </details>
                </td>
                <td>
                  <a href={`/admin/outbox/${message.id}/attachment`}>{message.attachmentName}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
