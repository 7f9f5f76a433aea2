/** The users as the administration screen shows them: never with their password hash. */
import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/index';
import { users } from '@/db/schema';

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
  role: 'admin' | 'billing' | 'dispatcher';
  locale: 'fr' | 'en';
  isActive: boolean;
  createdAt: Date;
};

/** Active users first, then by name. */
export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.select(publicColumns).from(users).orderBy(desc(users.isActive), asc(users.name), asc(users.id));
}

export async function getUser(db: Executor, id: number): Promise<UserRow | null> {
  const [user] = await db.select(publicColumns).from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}
