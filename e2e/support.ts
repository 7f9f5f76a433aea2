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
