/**
 * The one scope of the client portal (docs/business-rules.md, Client portal): the account a
 * portal user sees is read from its own user row on the server (`users.portal_client_number`,
 * with the session), never from the request. Every portal page, file and query starts here.
 */
import { sql } from 'drizzle-orm';
import { forbidden } from 'next/navigation';
import { cache } from 'react';
import { getDb, queryRows } from '@/db/index';
import { requireRoute, type CurrentUser } from '@/lib/auth/current-user';
import type { AppRoute } from '@/lib/auth/permissions';

export type PortalAccount = {
  number: number;
  name: string;
  language: 'fr' | 'en';
  /** A grouped account (a head): its members' calls are its own; `/portal/members` is shown. */
  isHead: boolean;
};

/** The account of a signed-in portal user, as the database knows it now. */
export async function portalAccountOf(user: CurrentUser): Promise<PortalAccount | null> {
  if (user.role !== 'portal' || user.portalClientNumber === null) return null;
  return readAccount(user.portalClientNumber);
}

/** Read once per rendering, however many parts of a page ask (its menu, the page itself). */
const readAccount = cache(async (clientNumber: number): Promise<PortalAccount | null> => {
  const [account] = await queryRows<{ number: number; name: string; language: 'fr' | 'en'; is_head: boolean }>(
    getDb(),
    sql`select c.number, c.name, c.language,
               exists (select 1 from group_memberships m where m.head_number = c.number and m.client_number <> c.number) as is_head
          from clients c where c.number = ${clientNumber}`,
  );
  return account ? { number: account.number, name: account.name, language: account.language, isHead: account.is_head } : null;
});

/** For a portal page: the role of the route (portal users only), then the user's own account. */
export async function requirePortalRoute(route: AppRoute): Promise<{ user: CurrentUser; account: PortalAccount }> {
  const user = await requireRoute(route);
  const account = await portalAccountOf(user);
  if (!account) forbidden();
  return { user, account };
}
