import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/index';
import { DataTable } from '@/components/tables/data-table';
import { requireRoute } from '@/lib/auth/current-user';
import { listOutboxMessages } from '@/lib/delivery/outbox';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDateTimeShort } from '@/lib/i18n/format';

type OutboxMessage = Awaited<ReturnType<typeof listOutboxMessages>>[number];

/** The e-mails kept instead of sent when no SMTP server is configured (the embedded demo). */
export default async function OutboxPage() {
  await requireRoute('/admin/outbox');
  const t = await getTranslations('outbox');
  const locale = await getAppLocale();
  const messages = await listOutboxMessages(getDb());
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {messages.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable<OutboxMessage>
          label={t('title')}
          rows={messages}
          rowKey={(message) => message.id}
          columns={[
            { header: t('columns.date'), isNowrap: true, cell: (message) => formatDateTimeShort(message.createdAt, locale) },
            { header: t('columns.to'), cell: (message) => message.recipients.join(', ') },
            {
              header: t('columns.subject'),
              cell: (message) => (
                <details>
                  <summary>{message.subject}</summary>
                  <pre className="mail-body">{message.body}</pre>
                </details>
              ),
            },
            {
              header: t('columns.attachment'),
              cell: (message) =>
                message.attachmentName ? <a href={`/admin/outbox/${message.id}/attachment`}>{message.attachmentName}</a> : '—',
            },
          ]}
        />
      )}
    </>
  );
}
