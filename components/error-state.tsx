'use client';

import { Link } from '@/components/link';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

/**
 * What a screen that failed shows instead of Next.js's default page (error.tsx): a message in
 * the person's language, a retry and a way home; never the error's own text, only its
 * reference (the digest, also in the server's log). Its messages come from the root layout.
 */
export function ErrorState({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errorPage');
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="error-state" role="alert">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      {digest ? <p className="error-reference">{t('reference', { digest })}</p> : null}
      <p className="error-actions">
        <button type="button" onClick={() => retry()}>
          {t('retry')}
        </button>
        <Link href="/">{t('home')}</Link>
      </p>
    </div>
  );
}
