/** Opens an embedded database folder from another process: exit 0 if it could, 3 if refused. */
import { sql } from 'drizzle-orm';
import { openEmbedded } from '@/db/index';
import { EmbeddedDatabaseLockedError } from '@/db/embedded-lock';

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: open-embedded <dir>');
  try {
    const app = openEmbedded(dir);
    await app.db.execute(sql`select 1`);
    await app.close();
    console.log('opened');
  } catch (error) {
    if (error instanceof EmbeddedDatabaseLockedError) {
      console.error(error.message);
      process.exit(3);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
