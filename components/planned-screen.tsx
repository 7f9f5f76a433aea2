import { getTranslations } from 'next-intl/server';

type ScreenKey =
  | 'clients' | 'clientNew' | 'client' | 'callNew' | 'calls' | 'call' | 'billing' | 'billingRuns' | 'billingRun'
  | 'delivery' | 'invoices' | 'invoice' | 'users' | 'tariffs' | 'settings' | 'audit';

/** A screen whose route exists and is protected, and which says plainly what it will hold. */
export async function PlannedScreen({ screen, params = {} }: { screen: ScreenKey; params?: Record<string, string> }) {
  const t = await getTranslations();
  return (
    <>
      <h1>{t(`screens.${screen}.title`, params)}</h1>
      <div className="notice" role="note">
        <p>{t('planned.notice')}</p>
        <p>
          {t('planned.willHold')} {t(`screens.${screen}.description`)}
        </p>
      </div>
    </>
  );
}
