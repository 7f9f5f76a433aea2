'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { contestCallAction } from '@/actions/call-contests';
import { ActionForm, useActionForm } from '@/components/form/action-form';
import { TextAreaField } from '@/components/form/fields';

/** `Contester`: the portal user says what is wrong with a call of its account. */
export function ContestCallForm({ number }: { number: number }) {
  const t = useTranslations('portalContests');
  const [comment, setComment] = useState('');
  const form = useActionForm(contestCallAction, { onSuccess: () => setComment('') });
  return (
    <ActionForm form={form} fields={{ number }} className="form" aria-labelledby="contest-title" submit={{ label: t('submit') }}>
      <TextAreaField
        name="comment"
        id="contest-comment"
        label={t('comment')}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        errors={form.fieldErrors.comment}
        required
        maxLength={1000}
        rows={4}
      />
    </ActionForm>
  );
}
