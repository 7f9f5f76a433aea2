/**
 * The price of a call (docs/business-rules.md, Call pricing): always with its own client's tariff
 * and discount (for a member: the member's, never the head's), by the one pricing function. Read
 * for the form's preview and save and for the dispatch API; the import keeps historical prices.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/index';
import { clients, tariffs } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { priceCall, type CallPrice } from '@/lib/pricing/price-call';
import { callClientRefusal, type TripTariff } from './call-rules';

export type CallQuote = {
  client: { number: number; name: string; groupedClientNumber: number | null };
  tariffId: number;
  tariffCode: string;
  /** Whether the client's calls are passenger trips, and how one is billed unless it says (tripOfCall). */
  tariff: TripTariff;
  discountPercent: string;
  price: CallPrice;
};

/**
 * The price of a call for `clientNumber`, from that client's own tariff and discount; refused for
 * a client the call cannot be for (callClientRefusal). With `lock`, the client's row is
 * share-locked while the call is saved: its tariff cannot change under it.
 */
export async function quoteCall(
  db: Executor,
  clientNumber: number,
  measures: { distanceKm: string; waitingMinutes: number },
  options: { lock?: boolean } = {},
): Promise<CallQuote> {
  const query = db
    .select({
      number: clients.number,
      name: clients.name,
      isActive: clients.isActive,
      groupedClientNumber: clients.groupedClientNumber,
      discountPercent: clients.discountPercent,
      tariffId: tariffs.id,
      tariffCode: tariffs.code,
      baseCents: tariffs.baseCents,
      perKm: tariffs.perKm,
      perMinute: tariffs.perMinute,
      minimumChargeCents: tariffs.minimumChargeCents,
      isPassenger: tariffs.isPassenger,
      defaultBillingType: tariffs.defaultBillingType,
    })
    .from(clients)
    .innerJoin(tariffs, eq(tariffs.id, clients.tariffId))
    .where(eq(clients.number, clientNumber))
    .limit(1);
  const [found] = options.lock ? await query.for('share', { of: clients }) : await query;
  const refusal = callClientRefusal(found, { isHistorical: false });
  if (refusal) throw new AppError(refusal, { number: clientNumber }, { clientNumber: [refusal] });
  const client = found!;
  return {
    client: { number: client.number, name: client.name, groupedClientNumber: client.groupedClientNumber },
    tariffId: client.tariffId,
    tariffCode: client.tariffCode,
    tariff: { isPassenger: client.isPassenger, defaultBillingType: client.defaultBillingType },
    discountPercent: client.discountPercent,
    price: priceCall(client, { ...measures, discountPercent: client.discountPercent }),
  };
}
