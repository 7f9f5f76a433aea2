import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { ClientForm } from '@/components/clients/client-form';
import { clientToFormValues } from '@/components/clients/form-values';
import { AddMembersForm, DeleteClientButton, RemoveMemberButton } from '@/components/clients/member-forms';
import { requireRoute } from '@/lib/auth/current-user';
import { getClient } from '@/lib/clients/find-clients';
import { listGroupMembers } from '@/lib/clients/group-members';
import { formatMoney } from '@/lib/i18n/format';
import { tariffChoices } from '@/lib/tariffs/list-tariffs';
import { ClientMessages } from '@/components/client-messages';

export default async function ClientPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const user = await requireRoute('/clients/[number]');
  const { number: raw } = await params;
  const number = /^\d{1,8}$/.test(raw) ? Number(raw) : null;
  const db = getDb();
  const client = number === null ? null : await getClient(db, number);
  if (!client) notFound();

  const t = await getTranslations();
  const locale = await getAppLocale();
  const isAdmin = user.role === 'admin';
  const isHead = client.groupedClientNumber === client.number;
  const [tariffs, members] = await Promise.all([
    tariffChoices(db, client.tariffId),
    isHead ? listGroupMembers(db, client.number) : Promise.resolve([]),
  ]);
  const { created } = await searchParams;

  return (
    <ClientMessages namespaces={['clientForm', 'members']}>
      <>
        <div className="page-header">
          <h1>
            {t('screens.client.title', { number: client.number })} — {client.name}
          </h1>
          {client.groupedClientNumber !== null && !isHead ? (
            <p>
              {t('clientForm.memberOf')} <Link href={`/clients/${client.groupedClientNumber}`}>{client.groupedClientNumber}</Link>
            </p>
          ) : null}
        </div>
        {created ? (
          <p className="form-success" role="status">
            {t('clientForm.created', { number: client.number })}
          </p>
        ) : null}

        <ClientForm mode="update" initial={clientToFormValues(client, locale)} tariffs={tariffs} canEdit={isAdmin} />

        {isHead ? (
          <section className="members" aria-labelledby="members-title">
            <h2 id="members-title">{t('members.title')}</h2>
            <p>{t('members.intro', { number: client.number })}</p>
            <table className="data-table" aria-labelledby="members-title">
              <thead>
                <tr>
                  <th scope="col">{t('members.columns.number')}</th>
                  <th scope="col">{t('members.columns.name')}</th>
                  <th scope="col">{t('members.columns.tariff')}</th>
                  <th scope="col" className="numeric">
                    {t('members.columns.unbilledCalls')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('members.columns.unbilledAmount')}
                  </th>
                  {isAdmin ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.number} data-testid={`member-${member.number}`}>
                    <td>
                      <Link href={`/clients/${member.number}`}>{member.number}</Link>
                    </td>
                    <td>
                      {member.name}
                      {member.isHead ? <span className="badge">{t('members.headRow')}</span> : null}
                    </td>
                    <td>{member.tariffCode}</td>
                    <td className="numeric">{member.unbilledCalls}</td>
                    <td className="numeric">{formatMoney(member.unbilledCents, locale)}</td>
                    {isAdmin ? <td>{member.isHead ? null : <RemoveMemberButton head={client.number} member={member.number} />}</td> : null}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t('members.total')}
                  </th>
                  <td className="numeric">{members.reduce((sum, m) => sum + m.unbilledCalls, 0)}</td>
                  <td className="numeric">
                    {formatMoney(
                      members.reduce((sum, m) => sum + m.unbilledCents, 0),
                      locale,
                    )}
                  </td>
                  {isAdmin ? <td /> : null}
                </tr>
              </tfoot>
            </table>
            {members.length <= 1 ? <p>{t('members.none')}</p> : null}
            {isAdmin ? <AddMembersForm head={client.number} /> : null}
          </section>
        ) : null}
        {isAdmin ? <DeleteClientButton number={client.number} /> : null}
      </>
    </ClientMessages>
  );
}
