/**
 * The two instances of the application that the end-to-end run starts on one database
 * (playwright.config.ts, ports from scripts/run-e2e.ts), as a load balancer would put them side
 * by side. Every test talks to A (the `baseURL`); the scale-out tests talk to both. Each names
 * its database connections (PGAPPNAME), so that a test can tell which instance waits on a lock.
 */
const portA = Number(process.env.E2E_PORT ?? 3100);
const portB = Number(process.env.E2E_PORT_B ?? 3101);

export const INSTANCES = {
  a: { name: 'A', port: portA, url: `http://127.0.0.1:${portA}`, applicationName: 'web-a' },
  b: { name: 'B', port: portB, url: `http://127.0.0.1:${portB}`, applicationName: 'web-b' },
} as const;
