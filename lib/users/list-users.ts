/**
 * The staff's users as the administration screen shows them: never with their password hash. The
 * client portal's users are managed from their client's page (lib/portal).
 */
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Executor } from '@/db/index';
import { users } from '@/db/schema';
import type { StaffRole } from '@/lib/auth/roles';

const publicColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  locale: users.locale,
  isActive: users.isActive,
  createdAt: users.createdAt,
};

export type UserRow = {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
  locale: 'fr' | 'en';
  isActive: boolean;
  createdAt: Date;
};

/** Active users first, then by name. */
export async function listUsers(db: Executor): Promise<UserRow[]> {
  const rows = await db
    .select(publicColumns)
    .from(users)
    .where(ne(users.role, 'portal'))
    .orderBy(desc(users.isActive), asc(users.name), asc(users.id));
  return rows as UserRow[];
}

export async function getUser(db: Executor, id: number): Promise<UserRow | null> {
  const [user] = await db
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, id), ne(users.role, 'portal')))
    .limit(1);
  return (user as UserRow | undefined) ?? null;
}
