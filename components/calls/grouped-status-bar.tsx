import { getTranslations } from 'next-intl/server';

/**
 * G4: the grouped client number of the client in view, in the bottom-right corner of the
 * search screen, as the original software showed it ("—" when the client is not grouped).
 */
export async function GroupedStatusBar({ groupedClientNumber }: { groupedClientNumber: number | null }) {
  const t = await getTranslations('callSearch');
  return (
    <div className="status-bar" role="status" aria-label={t('statusBarLabel')} data-testid="grouped-status-bar">
      {t('statusBar', { number: groupedClientNumber === null ? '—' : String(groupedClientNumber) })}
    </div>
  );
}
