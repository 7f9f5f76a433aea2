'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/actions/define-action';
import { BILLING } from '@/lib/auth/roles';
import { billingInput } from '@/lib/billing/billing-input';
import { parseConfirmedList } from '@/lib/billing/confirmed-list';
import { createCreditNote, creditNoteInput } from '@/lib/billing/credit-notes';
import { generateInvoices } from '@/lib/billing/generate-invoices';
import { reverseRun } from '@/lib/billing/reverse-run';
import { todayInMontreal } from '@/lib/dates/montreal';
import { wholeNumber } from '@/lib/forms/fields';
import { formatMoney } from '@/lib/i18n/format';
import { getAppLocale } from '@/lib/i18n/app-locale';

export const generateInvoicesAction = defineAction({
  name: 'billing.generate',
  roles: BILLING,
  input: z.intersection(
    billingInput,
    z.object({
      // What the clerk confirmed, invoice by invoice (lib/billing/confirmed-list.ts).
      confirmed: z
        .string({ error: 'invalid' })
        .max(4_000_000, { error: 'invalid' })
        .transform((text, ctx) => {
          const list = parseConfirmedList(text);
          if (!list) {
            ctx.addIssue({ code: 'custom', message: 'invalid' });
            return z.NEVER;
          }
          return list;
        }),
    }),
  ),
  run: async ({ db, user, input }) => {
    const result = await generateInvoices(db, user.id, input, todayInMontreal(), input.confirmed);
    if (result.runId === null) {
      const t = await getTranslations('billing');
      return { message: t('nothingToGenerate') };
    }
    redirect(`/billing/runs/${result.runId}?created=1`);
  },
  revalidates: ['/billing', '/billing/runs', '/invoices'],
});

export const reverseRunAction = defineAction({
  name: 'billing.reverseRun',
  roles: BILLING,
  input: z.object({ id: wholeNumber(1, Number.MAX_SAFE_INTEGER, 'invalid') }),
  run: async ({ db, user, input }) => {
    const { voided } = await reverseRun(db, user.id, input.id);
    const t = await getTranslations('runs');
    return { message: t('reversed', { id: input.id, count: voided }) };
  },
  revalidates: ({ input }) => ['/billing', '/billing/runs', `/billing/runs/${input.id}`, '/invoices'],
});

export const createCreditNoteAction = defineAction({
  name: 'billing.createCreditNote',
  roles: BILLING,
  input: creditNoteInput,
  run: async ({ db, user, input }) => {
    const note = await createCreditNote(db, user.id, input, todayInMontreal());
    const t = await getTranslations('creditForm');
    return { message: t('created', { number: note.number, total: formatMoney(note.totalCents, await getAppLocale()) }) };
  },
  revalidates: ({ input }) => [`/invoices/${input.invoiceNumber}`],
});
