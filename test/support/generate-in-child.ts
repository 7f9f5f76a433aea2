/** Runs one normal billing run against the database named on the command line (a separate process, to be killed). */
import { openPostgres } from '@/db/index';
import { billingInput } from '@/lib/billing/billing-input';
import { generateInvoices } from '@/lib/billing/generate-invoices';

async function main() {
  const app = openPostgres(process.argv[2]!, { max: 1 });
  const result = await generateInvoices(
    app.db,
    Number(process.argv[3]),
    billingInput.parse({ cutoff: '2026-10-31', cycle: 'all' }),
    '2026-11-01',
  );
  console.log(JSON.stringify(result));
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
