'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/actions/define-action';
import { ADMIN } from '@/lib/auth/roles';
import { wholeNumber } from '@/lib/forms/fields';
import { createTariff, updateTariff } from '@/lib/tariffs/save-tariff';
import { tariffInput } from '@/lib/tariffs/tariff-input';

export const createTariffAction = defineAction({
  name: 'tariffs.create',
  roles: ADMIN,
  input: tariffInput,
  run: async ({ db, user, input }) => {
    const { code } = await createTariff(db, user.id, input);
    const t = await getTranslations('tariffsAdmin.form');
    return { message: t('created', { code }) };
  },
  revalidates: ['/admin/tariffs'],
});

export const updateTariffAction = defineAction({
  name: 'tariffs.update',
  roles: ADMIN,
  input: tariffInput.extend({ id: wholeNumber(1, 2_147_483_647) }),
  run: async ({ db, user, input }) => {
    const { id, ...values } = input;
    const { code } = await updateTariff(db, user.id, id, values);
    redirect(`/admin/tariffs?saved=${encodeURIComponent(code)}`);
  },
  revalidates: ({ input }) => ['/admin/tariffs', `/admin/tariffs/${input.id}`],
});
