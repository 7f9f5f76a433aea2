import { groupRoleOf, headOf } from '@/lib/clients/group-role';
import { Link } from '@/components/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { ClientForm } from '@/components/clients/client-form';
import { GroupMembersTable } from '@/components/clients/group-members-table';
import { clientToFormValues, headBillingOf } from '@/components/clients/form-values';
import { MembershipHistory } from '@/components/clients/membership-history';
import { findMembershipHistory } from '@/lib/clients/membership';
import { todayInMontreal } from '@/lib/dates/montreal';
import { AddMembersForm, DeleteClientButton } from '@/components/clients/member-forms';
import { requireRoute } from '@/lib/auth/current-user';
import { canOpen } from '@/lib/auth/permissions';
import { getClient } from '@/lib/clients/find-clients';
import { listGroupMembers } from '@/lib/clients/group-members';
import { tariffChoices } from '@/lib/tariffs/list-tariffs';
import { ClientMessages } from '@/components/client-messages';
import { parseRouteNumber } from '@/lib/url-state';
import { ReferenceRules } from '@/components/clients/reference-rules';
import { PortalAccess } from '@/components/clients/portal-access';
import { BILLING } from '@/lib/auth/roles';
import { listPortalUsers } from '@/lib/portal/portal-users';
import { referenceRulesOfClient } from '@/lib/references/find-references';

export default async function ClientPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const user = await requireRoute('/clients/[number]');
  const number = parseRouteNumber((await params).number, 'integer');
  const db = getDb();
  const client = number === null ? null : await getClient(db, number);
  if (!client) notFound();

  const t = await getTranslations();
  const locale = await getAppLocale();
  const isAdmin = user.role === 'admin';
  const isHead = groupRoleOf(client) === 'head';
  const headNumber = headOf(client);
  const canManagePortal = BILLING.includes(user.role);
  const [tariffs, members, history, head, rules, headRules, portalUsers] = await Promise.all([
    tariffChoices(db, client.tariffId),
    isHead ? listGroupMembers(db, client.number) : Promise.resolve([]),
    findMembershipHistory(db, client.number),
    headNumber === null ? Promise.resolve(null) : getClient(db, headNumber),
    referenceRulesOfClient(db, client.number),
    headNumber === null ? Promise.resolve([]) : referenceRulesOfClient(db, headNumber),
    canManagePortal ? listPortalUsers(db, client.number) : Promise.resolve([]),
  ]);
  const today = todayInMontreal();
  const { created } = await searchParams;

  return (
    <ClientMessages namespaces={['clientForm', 'members', 'references', 'portalAccess']}>
      <>
        <div className="page-header">
          <h1>
            {t('screens.client.title', { number: client.number })} — {client.name}
          </h1>
          {canOpen(user.role, '/clients/[number]/account') ? (
            <Link href={`/clients/${client.number}/account`} className="button secondary">
              {t('account.ledger')}
            </Link>
          ) : null}
          {headNumber !== null ? (
            <p>
              {t('clientForm.memberOf')} <Link href={`/clients/${headNumber}`}>{headNumber}</Link>
            </p>
          ) : null}
        </div>
        {created ? (
          <p className="form-success" role="status">
            {t('clientForm.created', { number: client.number })}
          </p>
        ) : null}

        <ClientForm
          mode="update"
          initial={clientToFormValues(client, locale, today)}
          tariffs={tariffs}
          canEdit={isAdmin}
          head={head ? headBillingOf(head) : undefined}
          today={today}
        />

        <ReferenceRules
          clientNumber={client.number}
          rules={rules}
          headRules={headRules}
          headNumber={headNumber}
          canEdit={isAdmin}
          locale={locale}
          today={today}
        />

        {isHead ? (
          <section className="members" aria-labelledby="members-title">
            <h2 id="members-title">{t('members.title')}</h2>
            <p>{t('members.intro', { number: client.number })}</p>
            <GroupMembersTable head={client.number} members={members} locale={locale} canEdit={isAdmin} today={today} />
            {members.every((m) => m.isHead || m.isFormer) ? <p>{t('members.none')}</p> : null}
            {isAdmin ? <AddMembersForm head={client.number} today={today} /> : null}
          </section>
        ) : null}
        <MembershipHistory clientNumber={client.number} periods={history} locale={locale} />
        {canManagePortal ? (
          <PortalAccess
            clientNumber={client.number}
            headNumber={headNumber}
            language={client.language}
            users={portalUsers}
            locale={locale}
          />
        ) : null}
        {isAdmin ? <DeleteClientButton number={client.number} /> : null}
      </>
    </ClientMessages>
  );
}
