import { Link } from '@/components/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getAppLocale } from '@/lib/i18n/app-locale';
import { getDb } from '@/db/index';
import { TariffForm } from '@/components/admin/tariff-form';
import { requireRoute } from '@/lib/auth/current-user';
import { centsToInput } from '@/lib/money/parse';
import { rateToInput } from '@/lib/tariffs/format-rate';
import { getTariff } from '@/lib/tariffs/list-tariffs';
import { ClientMessages } from '@/components/client-messages';
import { parseRouteNumber } from '@/lib/url-state';

export default async function EditTariffPage({ params }: { params: Promise<{ id: string }> }) {
  // Same rule as the list: administrators only.
  await requireRoute('/admin/tariffs/[id]');
  const id = parseRouteNumber((await params).id, 'integer');
  const tariff = id === null ? null : await getTariff(getDb(), id);
  if (!tariff) notFound();

  const t = await getTranslations('tariffsAdmin');
  const locale = await getAppLocale();

  return (
    <ClientMessages namespaces={['tariffsAdmin']}>
      <>
        <p>
          <Link href="/admin/tariffs">← {t('back')}</Link>
        </p>
        <h1>{t('editTitle', { code: tariff.code })}</h1>
        <TariffForm
          mode="update"
          id={tariff.id}
          initial={{
            code: tariff.code,
            name: tariff.name,
            baseCents: centsToInput(tariff.baseCents, locale),
            perKm: rateToInput(tariff.perKm, locale),
            perMinute: rateToInput(tariff.perMinute, locale),
            minimumChargeCents: centsToInput(tariff.minimumChargeCents, locale),
            isActive: tariff.isActive,
            isPassenger: tariff.isPassenger,
            isDuesExempt: tariff.isDuesExempt,
            defaultBillingType: tariff.defaultBillingType ?? '',
          }}
        />
      </>
    </ClientMessages>
  );
}
