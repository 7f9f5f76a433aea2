import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';

/** Previous / "page n" / next, under a list; a link is absent where there is no such page. */
export async function Pager({
  label,
  position,
  previousHref,
  nextHref,
}: {
  label: string;
  position: string;
  previousHref: string | null;
  nextHref: string | null;
}) {
  const t = await getTranslations('common');
  return (
    <nav className="pager" aria-label={label}>
      {previousHref ? <Link href={previousHref}>{t('previous')}</Link> : <span />}
      <span>{position}</span>
      {nextHref ? <Link href={nextHref}>{t('next')}</Link> : <span />}
    </nav>
  );
}
