/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded database). */
import { getAppDatabase } from '@/db/index';

async function main() {
  const app = getAppDatabase();
  try {
    await app.migrate();
    console.log(`Migrations appliquées (${app.kind === 'embedded' ? 'base intégrée' : 'PostgreSQL'}).`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
