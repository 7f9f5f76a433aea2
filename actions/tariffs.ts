'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/actions/define-action';
import { ADMIN } from '@/lib/auth/roles';
import { createTariff, updateTariff } from '@/lib/tariffs/save-tariff';
import { tariffFormInput, tariffUpdateInput } from '@/lib/tariffs/tariff-input';

export const createTariffAction = defineAction({
  name: 'tariffs.create',
  roles: ADMIN,
  input: tariffFormInput,
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
  input: tariffUpdateInput,
  run: async ({ db, user, input }) => {
    const { id, ...values } = input;
    const { code } = await updateTariff(db, user.id, id, values);
    redirect(`/admin/tariffs?saved=${encodeURIComponent(code)}`);
  },
  revalidates: ({ input }) => ['/admin/tariffs', `/admin/tariffs/${input.id}`],
});
