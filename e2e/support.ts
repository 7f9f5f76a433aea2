import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO = {
  admin: 'admin@demo.local',
  billing: 'facturation@demo.local',
  dispatcher: 'repartition@demo.local',
  portal: 'portail@demo.local',
} as const;
export type DemoRole = keyof typeof DEMO;

export const storageStateOf = (role: DemoRole) => `e2e/.auth/${role}.json`;

/** Signs in through the form; from the sign-in page already open when `isOnLoginPage`. */
export async function signIn(page: Page, email: string, password = 'demo', { isOnLoginPage = false } = {}) {
  if (!isOnLoginPage) await page.goto('/login');
  await page.getByLabel('Courriel').or(page.getByLabel('E-mail')).fill(email);
  await page.getByLabel('Mot de passe').or(page.getByLabel('Password')).fill(password);
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
}

export async function expectSignedIn(page: Page) {
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

/** axe on the page as it is now: no violation of impact serious or critical (`what` names it in the failure). */
export async function expectNoSeriousViolation(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${what}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
  expect(serious, `${what}: axe violations`).toEqual([]);
}
