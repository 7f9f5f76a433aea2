'use server';

import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { actionRegistry, defineAction } from '@/actions/define-action';
import type { ActionState } from '@/actions/action-state';
import { getCurrentUser } from '@/lib/auth/current-user';
import { ADMIN } from '@/lib/auth/roles';
import { duesRateInput, setDuesRate } from '@/lib/dues/dues-rates';
import { AppError, type ErrorCode } from '@/lib/errors';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { companySettingsInput } from '@/lib/settings/company-input';
import { saveCompanyLogo, saveCompanySettings } from '@/lib/settings/company-settings';
import { companySettingsFormValues } from '@/lib/settings/form-values';
import { logoDataUrl, MAX_LOGO_BYTES } from '@/lib/settings/logo-image';

/** The settings' screen, and the audit log where every change of them is written. */
const SETTINGS_SCREENS = ['/admin/settings', '/admin/audit'];

export const saveCompanySettingsAction = defineAction({
  name: 'settings.save',
  roles: ADMIN,
  input: companySettingsInput,
  run: async ({ db, user, input }) => {
    const saved = await saveCompanySettings(db, user.id, input);
    const t = await getTranslations('settingsForm');
    // The values as stored ("1234567890 TQ0001"), for the form to show what was kept.
    return { message: t('saved'), values: companySettingsFormValues(saved) };
  },
  revalidates: SETTINGS_SCREENS,
});

/** Adds a dues rate from a date, or gives a date that has one its new amount. */
export const setDuesRateAction = defineAction({
  name: 'settings.setDuesRate',
  roles: ADMIN,
  input: duesRateInput,
  run: async ({ db, user, input }) => {
    const { previousCents } = await setDuesRate(db, user.id, input);
    const [t, locale] = await Promise.all([getTranslations('settingsForm.dues'), getAppLocale()]);
    const said = { date: formatDate(input.effectiveFrom, locale), amount: formatMoney(input.rateCents, locale) };
    if (previousCents === null) return { message: t('added', said) };
    if (previousCents === input.rateCents) return { message: t('unchanged', said) };
    return { message: t('replaced', { ...said, previous: formatMoney(previousCents, locale) }) };
  },
  revalidates: SETTINGS_SCREENS,
});

export const removeCompanyLogoAction = defineAction({
  name: 'settings.removeLogo',
  roles: ADMIN,
  input: z.object({}),
  run: async ({ db, user }) => {
    await saveCompanyLogo(db, user.id, null);
    const t = await getTranslations('settingsForm.logo');
    return { message: t('removed') };
  },
  revalidates: SETTINGS_SCREENS,
});

// The upload is written by hand, with defineAction's steps in the same order: its form
// parsing turns a File into the file's name.
actionRegistry.set('settings.uploadLogo', { roles: ADMIN, action: uploadCompanyLogoAction });

export async function uploadCompanyLogoAction(_previous: unknown, formData: FormData): Promise<ActionState<{ message: string }>> {
  const t = await getTranslations('errors');
  const fail = (code: ErrorCode, fieldErrors: Record<string, ErrorCode[]> = {}): ActionState<{ message: string }> => ({
    status: 'error',
    code,
    message: t.has(code) ? t(code) : t('unexpected'),
    fieldErrors: Object.fromEntries(
      Object.entries(fieldErrors).map(([field, codes]) => [field, codes.map((c) => (t.has(c) ? t(c) : t('invalid')))]),
    ),
  });

  try {
    const user = await getCurrentUser();
    if (!user) return fail('unauthenticated');
    if (!ADMIN.includes(user.role)) return fail('forbidden');

    const file = formData.get('logo');
    if (!(file instanceof File) || file.size === 0) return fail('settings.logoMissing', { logo: ['settings.logoMissing'] });
    // Refused before reading it: the size the browser declares is the size received.
    if (file.size > MAX_LOGO_BYTES) return fail('settings.logoTooLarge', { logo: ['settings.logoTooLarge'] });
    const checked = logoDataUrl(new Uint8Array(await file.arrayBuffer()));
    if (!checked.ok) return fail(checked.code, { logo: [checked.code] });

    await saveCompanyLogo(getDb(), user.id, checked.dataUrl);
    for (const path of SETTINGS_SCREENS) revalidatePath(path);
    const messages = await getTranslations('settingsForm.logo');
    return { status: 'success', data: { message: messages('uploaded') } };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) return fail(error.code, error.fieldErrors);
    console.error('[action settings.uploadLogo]', error);
    return fail('unexpected');
  }
}
