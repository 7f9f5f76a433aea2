import { test as setup } from '@playwright/test';
import { DEMO, expectSignedIn, signIn, storageStateOf, type DemoRole } from './support';

for (const role of Object.keys(DEMO) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await expectSignedIn(page);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
