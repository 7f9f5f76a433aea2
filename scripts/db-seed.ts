/** `npm run db:seed`: demo data into any database (DATABASE_URL or the embedded one), never over existing data. */
import { getAppDatabase } from '@/db/index';
import { hasAnyData, seedDemoData } from '@/scripts/demo/seed';

async function main() {
  const app = getAppDatabase();
  try {
    await app.migrate();
    if (await hasAnyData(app.db)) {
      console.log('La base contient déjà des clients ou des utilisateurs : rien n’est ajouté.');
      return;
    }
    const result = await app.db.transaction((tx) => seedDemoData(tx));
    console.log(
      `Données de démonstration ajoutées : ${result.clients} clients, ${result.tariffs} tarifs, ${result.calls} appels, ` +
        `${result.users} utilisateurs (mot de passe « demo »).`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
