import { defineConfig, devices } from '@playwright/test';
import { INSTANCES } from './e2e/instances';

// Started by scripts/run-e2e.ts, which provides the database, the browser and the ports.
const baseURL = INSTANCES.a.url;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'fr-CA',
    timezoneId: 'America/Toronto',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined }, dependencies: ['setup'] },
  ],
  // Two instances of the production build on the same database, each with its own e-mail worker.
  webServer: Object.values(INSTANCES).map((instance) => ({
    name: `web ${instance.name}`,
    command: `npx next start -p ${instance.port} -H 127.0.0.1`,
    url: `${instance.url}/login`,
    env: { PGAPPNAME: instance.applicationName },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  })),
});
