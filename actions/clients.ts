'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/actions/define-action';
import { ADMIN } from '@/lib/auth/roles';
import { clientInput } from '@/lib/clients/client-input';
import { addGroupMembers, parseClientNumberList, removeGroupMember } from '@/lib/clients/group-members';
import { createClient, deleteClient, updateClient } from '@/lib/clients/save-client';
import { effectiveDateField, groupedClientNumberField, MAX_CLIENT_NUMBER } from '@/lib/clients/client-input';
import { todayInMontreal } from '@/lib/dates/montreal';
import { verifyGrouping } from '@/lib/clients/verify-grouping';
import { wholeNumber } from '@/lib/forms/fields';
import { AppError } from '@/lib/errors';

export const createClientAction = defineAction({
  name: 'clients.create',
  roles: ADMIN,
  input: clientInput,
  run: async ({ db, user, input }) => {
    const { number } = await createClient(db, user.id, input);
    redirect(`/clients/${number}?created=1`);
  },
  revalidates: ['/clients'],
});

export const updateClientAction = defineAction({
  name: 'clients.update',
  roles: ADMIN,
  input: clientInput,
  run: async ({ db, user, input }) => {
    const { number } = await updateClient(db, user.id, input.number, input);
    const t = await getTranslations('clientForm');
    return { message: t('saved', { number }) };
  },
  revalidates: ({ input }) => ['/clients', `/clients/${input.number}`],
});

/** What the "No. client regroupé" field means for client C, before saving: the head's name, or why not. */
export const checkGroupedNumberAction = defineAction({
  name: 'clients.checkGroupedNumber',
  roles: ADMIN,
  input: z.object({
    clientNumber: z
      .string()
      .optional()
      .transform((v) => (v && /^\d{1,8}$/.test(v.trim()) ? Number(v.trim()) : 0)),
    groupedClientNumber: groupedClientNumberField,
  }),
  run: async ({ db, input }) => {
    const t = await getTranslations();
    const verdict = await verifyGrouping(db, input.clientNumber, input.groupedClientNumber);
    if (!verdict.ok) return { ok: false, message: t(`errors.${verdict.code}`, verdict.params) };
    if (verdict.kind === 'member') return { ok: true, message: t('clientForm.groupedStatus.member', verdict.head) };
    return { ok: true, message: t(`clientForm.groupedStatus.${verdict.kind}`) };
  },
});

const headNumber = wholeNumber(1, MAX_CLIENT_NUMBER, 'client.numberRange');

export const addGroupMembersAction = defineAction({
  name: 'clients.addGroupMembers',
  roles: ADMIN,
  input: z.object({ head: headNumber, numbers: z.string({ error: 'required' }), effectiveDate: effectiveDateField }),
  run: async ({ db, user, input }) => {
    const numbers = parseClientNumberList(input.numbers);
    if (!numbers) throw new AppError('members.invalidList', {}, { numbers: ['members.invalidList'] });
    const { added } = await addGroupMembers(db, user.id, input.head, numbers, input.effectiveDate ?? todayInMontreal());
    const t = await getTranslations('members');
    return { message: t('added', { count: added }) };
  },
  revalidates: ({ input }) => [`/clients/${input.head}`, '/clients'],
});

export const removeGroupMemberAction = defineAction({
  name: 'clients.removeGroupMember',
  roles: ADMIN,
  input: z.object({ head: headNumber, member: headNumber, effectiveDate: effectiveDateField }),
  run: async ({ db, user, input }) => {
    await removeGroupMember(db, user.id, input.head, input.member, input.effectiveDate ?? todayInMontreal());
    const t = await getTranslations('members');
    return { message: t('removed', { number: input.member }) };
  },
  revalidates: ({ input }) => [`/clients/${input.head}`, '/clients'],
});

export const deleteClientAction = defineAction({
  name: 'clients.delete',
  roles: ADMIN,
  input: z.object({ number: headNumber }),
  run: async ({ db, user, input }) => {
    await deleteClient(db, user.id, input.number);
    redirect(`/clients?deleted=${input.number}`);
  },
  revalidates: ['/clients'],
});
