import { expect, test, type Browser, type Page } from '@playwright/test';
import type { AppDatabase } from '../db/index';
import { insertBillableClients, openTestDatabase } from './database';
import { concrete, ownUserState, PAGE_ROUTES, prepareScreenData, yesterday, type ScreenData, type SignedInState } from './screens';
import { ROUTE_ROLES, type AppRoute } from '../lib/auth/permissions';

/**
 * The forms of every screen at the widths of the office screens, in French and in English: no
 * visible control is drawn over another, and side by side (or one above the other) they keep
 * a visible gap.
 */
const WIDTHS = [1024, 1366] as const;
const MIN_GAP = 4;

let db: AppDatabase;
let data: ScreenData;

test.beforeAll(async ({ browser }) => {
  db = openTestDatabase();
  data = await prepareScreenData(db, browser);
});
test.afterAll(async () => {
  await db?.close();
});

/** The faults of the visible controls of the screen's content, as sentences. */
async function layoutFaults(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main, minGap) => {
    const controls = [...main.querySelectorAll<HTMLElement>('input, select, textarea, button, label')].filter((element) => {
      if (element instanceof HTMLInputElement && element.type === 'hidden') return false;
      if (element instanceof HTMLLabelElement) {
        const control = element.control;
        if (!(control instanceof HTMLInputElement) || !['checkbox', 'radio'].includes(control.type)) return false;
      }
      const box = element.getBoundingClientRect();
      return box.width > 1 && box.height > 1 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    });
    const name = (element: HTMLElement) => {
      const label = element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? element.labels?.[0]?.textContent : null;
      const text = (label ?? element.textContent ?? '').trim() || element.getAttribute('name') || '';
      return `${element.tagName.toLowerCase()}${element instanceof HTMLInputElement ? `[${element.type}]` : ''} «${text.slice(0, 40)}»`;
    };
    const faults: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i]!;
        const b = controls[j]!;
        // A control inside its own label (a radio button) is part of it.
        if (a.contains(b) || b.contains(a)) continue;
        const p = a.getBoundingClientRect();
        const q = b.getBoundingClientRect();
        const horizontalGap = Math.max(q.left - p.right, p.left - q.right);
        const verticalGap = Math.max(q.top - p.bottom, p.top - q.bottom);
        if (horizontalGap < 0 && verticalGap < 0) faults.push(`${name(a)} and ${name(b)} overlap`);
        else if (verticalGap < 0 && horizontalGap < minGap)
          faults.push(`${name(a)} and ${name(b)} side by side ${horizontalGap.toFixed(1)} px apart`);
        else if (horizontalGap < 0 && verticalGap < minGap)
          faults.push(`${name(a)} and ${name(b)} one above the other ${verticalGap.toFixed(1)} px apart`);
      }
    }
    return faults;
  }, MIN_GAP);
}

async function expectCleanLayout(page: Page, what: string) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const faults: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    faults.push(...(await layoutFaults(page)).map((fault) => `${what} at ${width} px: ${fault}`));
  }
  expect(faults, `${what}: controls overlapping or touching`).toEqual([]);
}

const LOCALES = ['fr', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const states = new Map<string, SignedInState>();

/** As the first role allowed on the route, a user of the test's own in `locale`. */
async function openAs(browser: Browser, route: AppRoute, locale: Locale): Promise<Page> {
  const role = ROUTE_ROLES[route][0]!;
  const key = `${role}-${locale}`;
  if (!states.has(key)) states.set(key, await ownUserState(browser, role, locale));
  const context = await browser.newContext({ storageState: states.get(key) });
  return context.newPage();
}

for (const locale of LOCALES) {
  test.describe(`in ${locale === 'fr' ? 'French' : 'English'}`, () => {
    for (const route of PAGE_ROUTES) {
      test(`${route}, at 1024 and 1366 px`, async ({ browser }) => {
        const page = await openAs(browser, route, locale);
        await page.goto(concrete(route, data));
        await expectCleanLayout(page, `${route} (${locale})`);
        await page.context().close();
      });
    }

    test('/billing with the list shown and the generation confirmation open', async ({ browser }) => {
      // Clients of the test's own, so that the list has something to generate whatever ran before.
      const range = await insertBillableClients(db.db, { count: 2, isEmailed: false });
      const page = await openAs(browser, '/billing', locale);
      await page.goto(`/billing?cutoff=${yesterday()}&cycle=all&clientFrom=${range.from}&clientTo=${range.to}`);
      await page.getByRole('button', { name: /^(Générer les factures|Generate invoices)$/ }).click();
      await expect(page.getByRole('button', { name: /^(Confirmer la génération|Confirm generation)$/ })).toBeVisible();
      await expectCleanLayout(page, `/billing, list and confirmation (${locale})`);
      await page.context().close();
    });

    test('/billing/delivery with a run to print', async ({ browser }) => {
      const page = await openAs(browser, '/billing/delivery', locale);
      await page.goto(`/billing/delivery?runId=${data.run}&method=print`);
      await expectCleanLayout(page, `/billing/delivery, a run to print (${locale})`);
      await page.context().close();
    });

    test('/calls with results and a call selected', async ({ browser }) => {
      const page = await openAs(browser, '/calls', locale);
      await page.goto(`/calls?client=12345&members=1&selected=${data.call}`);
      await expectCleanLayout(page, `/calls, results and a call selected (${locale})`);
      await page.context().close();
    });
  });
}

test('the sign-in page, in French and in English, at 1024 and 1366 px', async ({ page }) => {
  await page.goto('/login');
  await expectCleanLayout(page, '/login (fr)');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectCleanLayout(page, '/login (en)');
});
