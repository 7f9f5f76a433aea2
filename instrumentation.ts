/** Runs once when the server starts: the database is migrated (and seeded in demo mode, scripts/demo) before any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getAppDatabase } = await import('./db/index');
  const { prepareDatabase } = await import('./scripts/demo/prepare-database');
  const { startEmailWorker } = await import('./lib/delivery/email-worker');
  const app = getAppDatabase();
  await prepareDatabase(app);
  if (process.env.EMAIL_WORKER !== 'off') startEmailWorker(app);
}
