import { sql } from 'drizzle-orm';
import { expect, test, type Browser } from '@playwright/test';
import { queryRows } from '@/db/index';
import { generateRun, insertBillableGroup, insertUser, withTestDatabase } from './database';
import { ROUTE_FILES } from './screens';
import { expectNoSeriousViolation, expectSignedIn, signIn, storageStateOf } from './support';

/** The path of the invitation's link in the last e-mail to `email` (the local outbox: no SMTP server in these tests). */
async function invitationPath(email: string): Promise<string> {
  let path = '';
  await expect(async () => {
    const [message] = await withTestDatabase((db) =>
      queryRows<{ body: string }>(db, sql`select body from outbox_messages where ${email} = any(recipients) order by id desc limit 1`),
    );
    path = /\/portal\/invitation\/\S+/.exec(message?.body ?? '')?.[0] ?? '';
    expect(path).not.toBe('');
  }).toPass({ timeout: 20_000 });
  return path;
}

/** A group of the test's own, billed: its head, member, invoice, a statement and the member's call. */
async function billedGroup() {
  return withTestDatabase(async (db) => {
    const group = await insertBillableGroup(db, { members: 1, deliveryMethod: 'print' });
    await generateRun(db, { from: group.head, to: group.head, isGrouped: true });
    const [invoice] = await queryRows<{ number: number }>(
      db,
      sql`select number::int from invoices where billed_client_number = ${group.head}`,
    );
    const [statement] = await queryRows<{ id: number }>(
      db,
      sql`insert into statements (billed_client_number, period_from, period_to, kind, language, closing_cents, created_by)
          select ${group.head}, current_date - 30, current_date, 'grouped', 'fr', 0, min(id) from users where role = 'billing'
          returning id::int`,
    );
    const [memberCall] = await queryRows<{ number: number }>(
      db,
      sql`select min(number)::int as number from calls where client_number = ${group.members[0]!}`,
    );
    return { ...group, invoice: invoice!.number, statement: statement!.id, memberCall: memberCall!.number };
  });
}

async function portalUserOf(browser: Browser, account: number) {
  const email = `portail-${account}-${Date.now()}@essai.test`;
  await withTestDatabase((db) => insertUser(db, { email, role: 'portal', password: 'portail-essai', portalClientNumber: account }));
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, 'portail-essai');
  await expectSignedIn(page);
  return { context, page };
}

test.describe('a billing clerk gives a head’s contact access to the portal', () => {
  test.use({ storageState: storageStateOf('billing') });

  test('invited from the client’s page, the contact chooses a password, sees its group, then is revoked', async ({ page, browser }) => {
    const group = await billedGroup();
    const email = `contact-${group.head}@essai.test`;
    await page.goto(`/clients/${group.head}`);
    const invite = page.getByRole('form', { name: 'Inviter une personne-ressource' });
    await invite.getByLabel('Nom').fill('Claire Contact');
    await invite.getByLabel('Courriel').fill(email);
    await invite.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    const row = page.getByTestId(`portal-user-${email}`);
    await expect(row).toContainText('Invitation envoyée');

    // The link, opened by someone not signed in: the password chosen, then signing in opens the portal only.
    const path = await invitationPath(email);
    // Nobody signed in (a new context would otherwise take the clerk's session of this describe).
    const contact = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const portal = await contact.newPage();
    await portal.goto(path);
    await portal.getByLabel('Mot de passe', { exact: true }).fill('mot-de-passe-du-portail');
    await portal.getByLabel('Confirmez le mot de passe').fill('mot-de-passe-du-portail');
    await portal.getByRole('button', { name: 'Choisir ce mot de passe' }).click();
    await expect(portal.getByRole('status')).toContainText(`Votre mot de passe est choisi. Connectez-vous avec ${email}.`);
    // Used once: the same link says so.
    await portal.goto(path);
    await expect(portal.getByTestId('invitation-refused')).toContainText('a déjà servi');

    await signIn(portal, email, 'mot-de-passe-du-portail');
    await expect(portal).toHaveURL(/\/portal$/);
    await expect(portal.getByRole('heading', { level: 1 })).toHaveText(`Compte ${group.head} — Siège d’essai ${group.head}`);
    await portal.getByRole('link', { name: 'Factures' }).click();
    await expect(portal.getByTestId(`portal-invoice-${group.invoice}`)).toBeVisible();
    const pdf = await portal.request.get(`/portal/invoices/${group.invoice}/pdf`);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    // A statement for a period of its choosing, produced on demand.
    await portal.getByRole('link', { name: 'États de compte' }).click();
    const period = portal.getByRole('form', { name: 'État de compte d’une période de votre choix' });
    await period.getByLabel('Du').fill('2026-01-01');
    const [statement] = await Promise.all([
      portal.waitForResponse((response) => response.url().includes('/portal/statements/period')),
      period.getByRole('button', { name: 'Produire l’état de compte' }).click(),
    ]);
    expect([statement.status(), statement.headers()['content-type']]).toEqual([200, 'application/pdf']);
    await portal.goto('/portal');
    await portal.getByRole('link', { name: 'Appels' }).click();
    await expect(portal.getByTestId(`portal-call-${group.memberCall}`)).toContainText(String(group.invoice));
    await portal.getByRole('link', { name: 'Membres du groupe' }).click();
    await expect(portal.getByRole('table', { name: `Membres du groupe ${group.head}` })).toContainText(
      `Succursale d’essai ${group.members[0]}`,
    );
    // No staff screen: the menu has none, and the server refuses them.
    expect((await portal.goto('/clients'))?.status()).toBe(403);

    await page.reload();
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: `Révoquer l’accès de ${email}` }).click();
    await expect(row).toContainText('Révoqué');
    // Its session ended at once.
    await portal.goto('/portal');
    await expect(portal).toHaveURL(/\/login/);
    await contact.close();
  });
});

test('a head’s portal user guessing another account’s numbers on every portal route gets none of its data', async ({ browser }) => {
  const victim = await billedGroup();
  const attackerGroup = await billedGroup();
  const { context, page } = await portalUserOf(browser, attackerGroup.head);
  const victimName = `Siège d’essai ${victim.head}`;
  // Every portal route on disk, its segments filled with the victim's numbers: a route added later is tried too.
  const routes = ROUTE_FILES.filter((file) => file.route.startsWith('/portal') && !file.route.startsWith('/portal/invitation'));
  expect(routes.length).toBeGreaterThanOrEqual(8);
  for (const { route } of routes) {
    const path = route
      .replace('calls/[number]', `calls/${victim.memberCall}`)
      .replace('[number]', String(victim.invoice))
      .replace('[id]', String(victim.statement));
    for (const query of ['', `?member=${victim.members[0]}`, `?member=${victim.head}`]) {
      const response = await page.request.get(`${path}${query}`);
      const body = (await response.body()).toString('utf8');
      expect(response.status(), `${path}${query}`).toBeLessThan(500);
      // The victim's names, and its call's number unless the address itself carries it (a 404 page echoes its address).
      const secrets = [
        victimName,
        `Succursale d’essai ${victim.members[0]}`,
        ...(path.includes(String(victim.memberCall)) ? [] : [String(victim.memberCall)]),
      ];
      expect(
        secrets.filter((secret) => body.includes(secret)),
        `${path}${query}`,
      ).toEqual([]);
      if (route.includes('[')) expect(response.status(), `${path}${query}`).toBe(404);
    }
  }
  // And its own are there.
  expect((await page.request.get(`/portal/invoices/${attackerGroup.invoice}/pdf`)).status()).toBe(200);
  await context.close();
});

test('a head’s contact contests a member’s call; the clerk finds it in the review, answers on the call, and the contact reads the answer', async ({
  browser,
}) => {
  const group = await withTestDatabase((db) => insertBillableGroup(db, { members: 1, deliveryMethod: 'print' }));
  const [call] = await withTestDatabase((db) =>
    queryRows<{ number: number }>(db, sql`select min(number)::int as number from calls where client_number = ${group.members[0]!}`),
  );
  const number = call!.number;
  const { context, page: portal } = await portalUserOf(browser, group.head);
  await portal.goto('/portal/calls');
  await portal
    .getByTestId(`portal-call-${number}`)
    .getByRole('link', { name: String(number) })
    .click();
  await expect(portal.getByRole('heading', { level: 1 })).toHaveText(`Appel ${number}`);
  await portal.getByLabel('Commentaire').fill('Le passager ne s’est pas présenté.');
  await portal.getByRole('button', { name: 'Contester', exact: true }).click();
  // One contest at a time: once sent, the form gives way to a notice that it waits for an answer.
  await expect(portal.getByRole('note')).toHaveText('Votre contestation attend la réponse du service de facturation.');
  await expect(portal.getByTestId('portal-contests')).toContainText('En attente de réponse');
  // The list says which calls are contested, and where each contest stands.
  await portal.goto('/portal/calls');
  await expect(portal.getByTestId(`portal-call-${number}`)).toContainText('En attente de réponse');
  await expect(portal.getByRole('button', { name: 'Contester', exact: true })).toHaveCount(0);

  const clerk = await browser.newContext({ storageState: storageStateOf('billing') });
  const page = await clerk.newPage();
  await page.goto(`/billing/review?reason=contested&isGrouped=on&client=${group.members[0]}`);
  await expect(page.getByTestId('open-contests')).toContainText('une réponse');
  const row = page.getByTestId(`review-${number}`);
  await expect(row).toContainText('Contesté par le client');
  // Not approved from the review: its contest is answered on the call's page.
  await expect(row.getByRole('button', { name: `Approuver l’appel ${number}` })).toHaveCount(0);
  await row.getByRole('link', { name: `Répondre à la contestation de l’appel ${number}` }).click();
  const section = page.getByTestId('call-contests');
  await expect(section).toContainText('« Le passager ne s’est pas présenté. »');
  const form = page.getByRole('form', { name: `Répondre à la contestation de l’appel ${number}` });
  await expectNoSeriousViolation(page, 'the call’s page with its contest');
  await form.getByLabel('Décision').selectOption('refused');
  // A refusal says why: refused without an answer, nothing saved.
  await form.getByRole('button', { name: 'Répondre' }).click();
  await expect(form).toContainText('Un refus dit sa raison au client.');
  await form.getByLabel('Réponse au client').fill('Le chauffeur a attendu 15 minutes à l’adresse.');
  await form.getByRole('button', { name: 'Répondre' }).click();
  await expect(section).toContainText('Refusée le');
  await expect(section).toContainText('Le chauffeur a attendu 15 minutes à l’adresse.');
  await page.goto('/billing/contests?status=answered');
  await expect(page.getByTestId(`contest-${number}`)).toContainText('Refusée');
  await clerk.close();

  await portal.goto(`/portal/calls/${number}`);
  await expect(portal.getByTestId('portal-contests')).toContainText('Refusée');
  await expect(portal.getByTestId('portal-contests')).toContainText('Le chauffeur a attendu 15 minutes à l’adresse.');
  await expectNoSeriousViolation(portal, 'the portal’s call page with its answer');
  await portal.goto('/portal');
  await expect(portal.getByTestId(`portal-contest-${number}`)).toContainText('Refusée');
  await portal.goto('/portal/calls');
  await expect(portal.getByTestId(`portal-call-${number}`)).toContainText('Refusée');
  await context.close();
});
