'use server';

import { getTranslations } from 'next-intl/server';
import { accountMappingInput, saveAccountMapping } from '@/lib/accounting/account-mapping';
import { createAccountingExport } from '@/lib/accounting/create-export';
import { exportPeriodInput } from '@/lib/accounting/export-input';
import { defineAction } from '@/actions/define-action';
import { ADMIN, BILLING } from '@/lib/auth/roles';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { formatMoney } from '@/lib/i18n/format';

export const createAccountingExportAction = defineAction({
  name: 'accounting.export',
  roles: BILLING,
  input: exportPeriodInput,
  run: async ({ db, user, input }) => {
    const created = await createAccountingExport(db, user.id, input);
    const t = await getTranslations('accounting');
    const total = formatMoney(created.debitCents, await getAppLocale());
    return { message: t('created', { id: created.id, count: created.documentCount, total }), exportId: created.id };
  },
  revalidates: ['/admin/accounting'],
});

export const saveAccountMappingAction = defineAction({
  name: 'accountingMapping.save',
  roles: ADMIN,
  input: accountMappingInput,
  run: async ({ db, user, input }) => {
    await saveAccountMapping(db, user.id, input);
    const t = await getTranslations('accounting');
    return { message: t('mappingSaved') };
  },
  revalidates: ['/admin/accounting'],
});
