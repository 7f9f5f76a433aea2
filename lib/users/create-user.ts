import type { Db } from '@/db/index';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@/db/errors';
import { users } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import type { CreateUserInput } from './user-input';

/** A new user with an initial password chosen by the administrator (stored as its argon2id hash). */
export async function createUser(db: Db, actorId: number, input: CreateUserInput): Promise<{ id: number; email: string }> {
  const { password, ...values } = input;
  const passwordHash = await hashPassword(password);
  try {
    return await withActor(db, actorId, async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ ...values, passwordHash })
        .returning({ id: users.id, email: users.email });
      return created!;
    });
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === 'users_email_unique') {
      throw new AppError('user.emailTaken', { email: input.email }, { email: ['user.emailTaken'] });
    }
    throw error;
  }
}
