/**
 * `npm run user:create -- --email chef@entreprise.ca --name "Marie Tremblay" [--role admin] [--password …]`
 * Creates a real user (an administrator by default) in DATABASE_URL or the embedded database.
 * Without --password, a strong one is generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getAppDatabase } from '@/db/index';
import { users } from '@/db/schema';
import { normalizeEmail } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/roles';

const input = z.object({
  email: z.string().trim().email('courriel invalide').transform(normalizeEmail),
  name: z.string({ error: 'nom obligatoire' }).trim().min(1, 'nom obligatoire'),
  role: z.enum(ROLES, { error: `rôle : ${ROLES.join(', ')}` }).default('admin'),
  password: z.string().min(10, 'mot de passe de 10 caractères ou plus').optional(),
  locale: z.enum(['fr', 'en']).default('fr'),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      locale: { type: 'string' },
    },
  });
  const parsed = input.safeParse(values);
  if (!parsed.success) {
    console.error(
      'Usage : npm run user:create -- --email courriel --name "Nom" [--role admin|billing|dispatcher] [--password …] [--locale fr|en]',
    );
    for (const issue of parsed.error.issues) console.error(`  ${issue.path.join('.')} : ${issue.message}`);
    process.exitCode = 2;
    return;
  }
  const { email, name, role, locale } = parsed.data;
  const password = parsed.data.password ?? randomBytes(12).toString('base64url');
  const app = getAppDatabase();
  try {
    await app.migrate();
    const created = await app.db
      .insert(users)
      .values({ email, name, role, locale, passwordHash: await hashPassword(password) })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (created.length === 0) {
      console.error(`Un utilisateur ${email} existe déjà : rien n’a été modifié.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Utilisateur créé : ${email} (${role}).`);
    if (!parsed.data.password) console.log(`Mot de passe (affiché une seule fois) : ${password}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
