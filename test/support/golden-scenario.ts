/** The worked grouped-billing scenario of test/golden/billing.json, loaded into a database. */
import golden from '@/test/golden/billing.json';
import type { Executor } from '@/db/index';
import { calls, clients, tariffs } from '@/db/schema';
import { parseScaledDecimal } from '@/lib/money/round';
import { priceCall } from '@/lib/pricing/price-call';
import { insertCompanySettings, insertUser } from './fixtures';

export { golden };

export async function loadGoldenScenario(db: Executor): Promise<{ clerkId: number }> {
  await insertCompanySettings(db);
  const clerkId = await insertUser(db, 'commis@golden.local');
  const tariffRows = await db
    .insert(tariffs)
    .values(
      Object.entries(golden.tariffs).map(([code, t]) => ({
        code,
        name: code,
        baseCents: Number(parseScaledDecimal(t.base, 2)),
        perKm: t.perKm,
        perMinute: t.perMinute,
        minimumChargeCents: Number(parseScaledDecimal(t.minimumCharge, 2)),
      })),
    )
    .returning();
  const tariffByCode = new Map(tariffRows.map((t) => [t.code, t]));
  const clientByNumber = new Map(golden.scenario.clients.map((c) => [c.number, c]));
  for (const c of golden.scenario.clients) {
    await db.insert(clients).values({
      number: c.number,
      name: c.name,
      addressLine1: `${c.number}, rue du Golden`,
      city: 'Montréal',
      postalCode: 'H2X 1Y4',
      invoiceEmails: [`factures-${c.number}@exemple.ca`],
      deliveryMethod: 'email',
      paymentTermsDays: c.number === 12345 ? 15 : 30,
      language: c.language as 'fr' | 'en',
      gstExempt: c.gstExempt,
      gstExemptionNumber: c.gstExempt ? `TPS-${c.number}` : null,
      qstExempt: c.qstExempt,
      qstExemptionNumber: c.qstExempt ? `TVQ-${c.number}` : null,
      tariffId: tariffByCode.get(c.tariff)!.id,
      discountPercent: c.discountPercent,
      groupedClientNumber: c.groupedClientNumber,
    });
  }
  for (const call of golden.scenario.calls) {
    const client = clientByNumber.get(call.client)!;
    const tariff = tariffByCode.get(client.tariff)!;
    const price = priceCall(tariff, { distanceKm: call.km, waitingMinutes: call.waitingMinutes, discountPercent: client.discountPercent });
    if (price.priceCents !== call.priceCents)
      throw new Error(`golden call ${call.callNumber}: priced ${price.priceCents}, expected ${call.priceCents}`);
    await db.insert(calls).values({
      number: call.callNumber,
      clientNumber: call.client,
      serviceAt: new Date(`${call.serviceDate}T15:00:00Z`),
      serviceDate: call.serviceDate,
      pickupAddress: `Départ ${call.callNumber}`,
      destinationAddress: `Arrivée ${call.callNumber}`,
      clientReference: `REF-${call.callNumber}`,
      distanceKm: call.km,
      waitingMinutes: call.waitingMinutes,
      status: call.status as 'completed',
      tariffId: tariff.id,
      tariffCode: tariff.code,
      discountPercent: client.discountPercent,
      ...price,
    });
  }
  return { clerkId };
}
