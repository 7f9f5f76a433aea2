/**
 * Demo data: the group of the original user guide (head 12345, members 12346 and 12347, each
 * member with its own tariff), clients billed normally, about two months of calls in every
 * status (those of the TAXI tariff, passenger transport, with their billing type and the
 * municipalities of their addresses; one of its clients exempt from the dues by a municipal
 * contract), one user per role (scripts/demo/users.ts, password `demo`), and an older history
 * billed and partly paid (scripts/demo/seed-receivables.ts). Deterministic: the same day gives
 * the same data. Written through the business functions (pricing, billing, payments, password
 * hashing), which is why it lives here and not in db/.
 */
import { count, sql } from 'drizzle-orm';
import type { Executor } from '@/db/index';
import { callStatusChanges, calls, clients, companySettings, municipalities, tariffs, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { addDays, montrealDateTime, todayInMontreal } from '@/lib/dates/montreal';
import { priceCall } from '@/lib/pricing/price-call';
import { refreshReviewFlags } from '@/lib/review/review-flags';
import { seedReceivablesHistory } from './seed-receivables';
import { DEMO_PASSWORD, DEMO_USERS } from './users';

const TARIFFS = [
  { code: 'STD', name: 'Standard', baseCents: 450, perKm: '1.8750', perMinute: '0.6500', minimumChargeCents: 1200 },
  { code: 'EXP', name: 'Express', baseCents: 900, perKm: '2.1000', perMinute: '0.7500', minimumChargeCents: 2000 },
  { code: 'CORP', name: 'Corporatif', baseCents: 325, perKm: '1.6125', perMinute: '0.5000', minimumChargeCents: 1000 },
  // Passenger transport: its calls are passenger trips, billed at a contract's fixed price unless they say otherwise.
  {
    code: 'TAXI',
    name: 'Taxi',
    baseCents: 375,
    perKm: '2.0500',
    perMinute: '0.7000',
    minimumChargeCents: 800,
    isPassenger: true,
    defaultBillingType: 'fixed_contract',
  },
] as const;
type TariffCode = (typeof TARIFFS)[number]['code'];

type DemoClient = {
  number: number;
  name: string;
  address: [string, string, string];
  tariff: TariffCode;
  discountPercent?: string;
  grouped?: number;
  language?: 'fr' | 'en';
  delivery?: 'print' | 'email' | 'both';
  emails?: string[];
  cycle?: 'weekly' | 'monthly';
  terms?: number;
  gstExempt?: string;
  qstExempt?: string;
  /** Exempt from the dues on passenger trips from this date, by a contract with a municipality. */
  municipalContractFrom?: string;
};

// Heads first: a member's foreign key needs its head's row.
const CLIENTS: DemoClient[] = [
  {
    number: 12345,
    name: 'Pharmacie Centrale inc.',
    address: ['1500, boulevard René-Lévesque Ouest', 'Montréal', 'H3G 1T4'],
    tariff: 'CORP',
    grouped: 12345,
    delivery: 'both',
    emails: ['comptes@pharmaciecentrale.example'],
  },
  {
    number: 12346,
    name: 'Pharmacie Centrale — succursale Laval',
    address: ['3035, boulevard Le Carrefour', 'Laval', 'H7T 1C8'],
    tariff: 'STD',
    discountPercent: '5',
    grouped: 12345,
    language: 'en',
  },
  {
    number: 12347,
    name: 'Pharmacie Centrale — succursale Longueuil',
    address: ['825, rue Saint-Laurent Ouest', 'Longueuil', 'J4K 2V1'],
    tariff: 'EXP',
    grouped: 12345,
    gstExempt: 'EX-TPS-4471',
    qstExempt: 'EX-TVQ-4471',
  },
  { number: 20001, name: 'Boulangerie Côté', address: ['4210, rue Saint-Denis', 'Montréal', 'H2J 2K8'], tariff: 'STD' },
  {
    number: 20002,
    name: 'Northern Supplies Ltd',
    address: ['2100, route Transcanadienne', 'Dorval', 'H9P 2N4'],
    tariff: 'EXP',
    discountPercent: '12.5',
    language: 'en',
    delivery: 'email',
    emails: ['ap@northernsupplies.example'],
    qstExempt: 'QST-EX-20002',
  },
  {
    number: 30000,
    name: 'Clinique Santé Plus',
    address: ['5100, chemin de la Côte-des-Neiges', 'Montréal', 'H3T 1X8'],
    tariff: 'STD',
    grouped: 30000,
    delivery: 'email',
    emails: ['facturation@santeplus.example', 'direction@santeplus.example'],
    cycle: 'weekly',
    terms: 15,
  },
  {
    number: 30001,
    name: 'Clinique Santé Plus — Rosemont',
    address: ['3330, rue Masson', 'Montréal', 'H1X 1R4'],
    tariff: 'TAXI',
    grouped: 30000,
  },
  {
    number: 30002,
    name: 'Clinique Santé Plus — Verdun',
    address: ['4000, rue Wellington', 'Montréal', 'H4G 1V3'],
    tariff: 'STD',
    discountPercent: '3',
    grouped: 30000,
  },
  {
    number: 30003,
    name: 'Clinique Santé Plus — Québec',
    address: ['1050, chemin Sainte-Foy', 'Québec', 'G1S 4L8'],
    tariff: 'EXP',
    grouped: 30000,
  },
  {
    number: 20003,
    name: 'Imprimerie Lévesque & fils',
    address: ['275, rue Principale', 'Saint-Jérôme', 'J7Z 1Y1'],
    tariff: 'STD',
    cycle: 'weekly',
  },
  {
    number: 20004,
    name: 'Cabinet juridique Tremblay Gagnon',
    address: ['1250, rue University', 'Montréal', 'H3B 3B8'],
    tariff: 'EXP',
    delivery: 'email',
    emails: ['comptabilite@tremblaygagnon.example'],
    terms: 15,
  },
  {
    number: 20005,
    name: 'Fleuriste Les Jardins d’Élise',
    address: ['88, rue Saint-Paul Est', 'Montréal', 'H2Y 1G6'],
    tariff: 'STD',
    discountPercent: '2.5',
  },
  { number: 20006, name: 'Garage Bélanger', address: ['1420, boulevard Curé-Labelle', 'Laval', 'H7V 2W2'], tariff: 'TAXI' },
  {
    number: 20007,
    name: 'Laboratoires Biotech Québec',
    address: ['2705, boulevard Laurier', 'Québec', 'G1V 4G2'],
    tariff: 'CORP',
    delivery: 'both',
    emails: ['payables@biotechqc.example'],
  },
  {
    number: 20008,
    name: 'Maple Logistics Inc.',
    address: ['6500, chemin de la Côte-de-Liesse', 'Saint-Laurent', 'H4T 1E3'],
    tariff: 'EXP',
    language: 'en',
    delivery: 'email',
    emails: ['invoices@maplelogistics.example'],
  },
  {
    number: 20009,
    name: 'Ville de Sherbrooke — Transport des aînés',
    address: ['150, rue King Ouest', 'Sherbrooke', 'J1H 1P4'],
    tariff: 'TAXI',
    terms: 45,
    municipalContractFrom: '2024-01-01',
  },
  {
    number: 20010,
    name: 'Quincaillerie Gauthier',
    address: ['920, boulevard des Forges', 'Trois-Rivières', 'G8Z 1V1'],
    tariff: 'STD',
    cycle: 'weekly',
  },
  {
    number: 20011,
    name: 'Musée des Beaux-Arts de la Rive',
    address: ['40, rue du Fort', 'Lévis', 'G6V 6P1'],
    tariff: 'CORP',
    gstExempt: 'OBNL-TPS-1189',
    qstExempt: 'OBNL-TVQ-1189',
  },
  { number: 20012, name: 'Traiteur Saveurs d’Antan', address: ['3600, boulevard Taschereau', 'Greenfield Park', 'J4V 2H8'], tariff: 'STD' },
  {
    number: 20013,
    name: 'Bureau comptable Roy CPA',
    address: ['700, rue Racine Est', 'Saguenay', 'G7H 1V2'],
    tariff: 'CORP',
    delivery: 'email',
    emails: ['roy@roycpa.example'],
  },
  {
    number: 20014,
    name: 'Ottawa Valley Couriers',
    address: ['185, promenade du Portage', 'Gatineau', 'J8X 2K6'],
    tariff: 'EXP',
    language: 'en',
    discountPercent: '8',
  },
  {
    number: 20015,
    name: 'École de musique Vivace',
    address: ['555, rue Sherbrooke Ouest', 'Montréal', 'H3A 1E3'],
    tariff: 'TAXI',
    cycle: 'weekly',
  },
  { number: 20016, name: 'Clinique vétérinaire Beauport', address: ['3333, rue du Carrefour', 'Québec', 'G1C 5R9'], tariff: 'STD' },
  {
    number: 20017,
    name: 'Atelier d’usinage Fortin',
    address: ['1200, rue Industrielle', 'Drummondville', 'J2C 5R7'],
    tariff: 'EXP',
    terms: 60,
  },
  { number: 20018, name: 'Dépanneur Chez Ginette', address: ['45, rue Notre-Dame', 'Repentigny', 'J6A 2N9'], tariff: 'TAXI' },
  {
    number: 20019,
    name: 'Centre de réadaptation Horizon',
    address: ['2000, boulevard de Maisonneuve Est', 'Montréal', 'H2K 4S1'],
    tariff: 'CORP',
    delivery: 'both',
    emails: ['finances@horizon.example'],
  },
  {
    number: 20020,
    name: 'Studio de design Pelletier',
    address: ['5445, avenue de Gaspé', 'Montréal', 'H2T 3B2'],
    tariff: 'STD',
    discountPercent: '10',
  },
  {
    number: 20021,
    name: 'Rimouski Marine Supply',
    address: ['300, rue Saint-Germain Est', 'Rimouski', 'G5L 1C2'],
    tariff: 'EXP',
    language: 'en',
  },
  { number: 20022, name: 'Coopérative funéraire de l’Estrie', address: ['485, rue du Conseil', 'Sherbrooke', 'J1G 1K3'], tariff: 'CORP' },
  {
    number: 20023,
    name: 'Boutique Vélo Plateau',
    address: ['1401, avenue du Mont-Royal Est', 'Montréal', 'H2J 1Y9'],
    tariff: 'STD',
    cycle: 'weekly',
  },
  {
    number: 20024,
    name: 'Hôtel Le Vieux-Port',
    address: ['262, rue Saint-Paul Ouest', 'Montréal', 'H2Y 2A3'],
    tariff: 'TAXI',
    delivery: 'email',
    emails: ['reception@hotelvieuxport.example'],
  },
  {
    number: 20025,
    name: 'Entrepôts Saint-Hyacinthe',
    address: ['3200, boulevard Laframboise', 'Saint-Hyacinthe', 'J2S 4Z5'],
    tariff: 'CORP',
    discountPercent: '4',
  },
];

const STREETS = [
  '1000, rue De La Gauchetière Ouest, Montréal',
  '2901, boulevard Rosemont, Montréal',
  '1600, boulevard Saint-Martin Est, Laval',
  '77, rue Sainte-Catherine Est, Montréal',
  '3500, boulevard Saint-Charles, Kirkland',
  '4500, rue Hochelaga, Montréal',
  '2345, boulevard Lapinière, Brossard',
  '800, place Victoria, Montréal',
  '6000, rue Sherbrooke Est, Montréal',
  '1111, rue Jean-Talon Ouest, Montréal',
  '230, boulevard Labelle, Sainte-Thérèse',
  '9155, boulevard Saint-Laurent, Montréal',
  '1, place Ville-Marie, Montréal',
  'Aéroport Montréal-Trudeau, Dorval',
  'Gare Centrale, 895, rue De La Gauchetière Ouest, Montréal',
  'Hôpital général juif, 3755, chemin de la Côte-Sainte-Catherine, Montréal',
  '4800, boulevard Henri-Bourassa Ouest, Montréal',
];
const CALLERS = [
  'Mme Gagnon',
  'M. Roy',
  'Sophie',
  'Jean-François',
  'Réception',
  'Dr Nguyen',
  'Karine Bouchard',
  'Mark Wilson',
  'Luc',
  'Émilie Côté',
];

/**
 * The municipalities of the demo's addresses (their last part: « …, Laval »), which the
 * migrations put in every install's list, by name: what a passenger trip is taken from and to.
 * Read without drawing from the random generator, so that the courier calls stay the same.
 */
async function municipalitiesOfAddresses(db: Executor): Promise<(address: string) => number> {
  const byName = new Map(
    (await db.select({ id: municipalities.id, name: municipalities.name }).from(municipalities)).map((m) => [m.name, m.id]),
  );
  return (address) => {
    const name = address.slice(address.lastIndexOf(',') + 1).trim();
    const id = byName.get(name);
    if (id === undefined) throw new Error(`The demo's municipality ${name} is not in the list (migration 0025).`);
    return id;
  };
}

/** A small deterministic pseudo-random generator (mulberry32): the same seed, the same data. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export type SeedResult = { users: number; tariffs: number; clients: number; calls: number; invoices: number; payments: number };

/** Is there anything in the database already? The seed never writes over real data. */
export async function hasAnyData(db: Executor): Promise<boolean> {
  const [clientCount] = await db.select({ n: count() }).from(clients);
  const [userCount] = await db.select({ n: count() }).from(users);
  return (clientCount?.n ?? 0) > 0 || (userCount?.n ?? 0) > 0;
}

export async function seedDemoData(db: Executor, options: { today?: string; days?: number } = {}): Promise<SeedResult> {
  const today = options.today ?? todayInMontreal();
  const days = options.days ?? 60;
  const random = createRandom(20_261_001);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // The staff first; the portal's user once its account exists (below).
  await db.insert(users).values(DEMO_USERS.filter((u) => u.role !== 'portal').map((u) => ({ ...u, passwordHash })));

  await db
    .insert(companySettings)
    .values({
      id: 1,
      name: 'Répartition Express Montréal inc.',
      addressLine1: '1200, rue Saint-Jacques',
      city: 'Montréal',
      province: 'QC',
      postalCode: 'H3C 1G1',
      phone: '514 555-0100',
      email: 'facturation@repartition-express.example',
      gstNumber: '123456789 RT0001',
      qstNumber: '1234567890 TQ0001',
    })
    .onConflictDoNothing();

  const insertedTariffs = await db
    .insert(tariffs)
    .values([...TARIFFS])
    .returning();
  const tariffByCode = new Map(insertedTariffs.map((t) => [t.code, t]));

  for (const c of CLIENTS) {
    await db.insert(clients).values({
      number: c.number,
      name: c.name,
      addressLine1: c.address[0],
      city: c.address[1],
      postalCode: c.address[2],
      province: 'QC',
      phone: `514 555-${String(c.number % 10_000).padStart(4, '0')}`,
      invoiceEmails: c.emails ?? [],
      language: c.language ?? 'fr',
      deliveryMethod: c.delivery ?? 'print',
      paymentTermsDays: c.terms ?? 30,
      billingCycle: c.cycle ?? 'monthly',
      gstExempt: Boolean(c.gstExempt),
      gstExemptionNumber: c.gstExempt ?? null,
      qstExempt: Boolean(c.qstExempt),
      qstExemptionNumber: c.qstExempt ?? null,
      tariffId: tariffByCode.get(c.tariff)!.id,
      discountPercent: c.discountPercent ?? '0',
      groupedClientNumber: c.grouped ?? null,
      ...(c.municipalContractFrom ? { duesExemption: 'municipal_contract' as const, duesExemptFrom: c.municipalContractFrom } : {}),
    });
  }
  await db.insert(users).values(DEMO_USERS.filter((u) => u.role === 'portal').map((u) => ({ ...u, passwordHash })));

  const municipalityOf = await municipalitiesOfAddresses(db);
  const callRows: (typeof calls.$inferInsert)[] = [];
  for (let dayOffset = days; dayOffset >= 0; dayOffset--) {
    const serviceDate = addDays(today, -dayOffset);
    const weekday = new Date(`${serviceDate}T12:00:00Z`).getUTCDay();
    const callsThatDay = weekday === 0 || weekday === 6 ? random.int(1, 4) : random.int(8, 16);
    for (let i = 0; i < callsThatDay; i++) {
      const client = random.pick(CLIENTS);
      const tariff = tariffByCode.get(client.tariff)!;
      const distanceKm = (random.int(5, 420) / 10).toFixed(1);
      const waitingMinutes = random.next() < 0.6 ? 0 : random.int(1, 25);
      const discountPercent = client.discountPercent ?? '0';
      const price = priceCall(tariff, { distanceKm, waitingMinutes, discountPercent });
      const roll = random.next();
      // Calls of the last two days are still being worked; older ones are mostly done.
      const status =
        dayOffset <= 1
          ? roll < 0.4
            ? 'open'
            : roll < 0.75
              ? 'dispatched'
              : 'completed'
          : roll < 0.92
            ? 'completed'
            : roll < 0.97
              ? 'cancelled'
              : 'dispatched';
      const time = `${String(random.int(7, 19)).padStart(2, '0')}:${String(random.int(0, 11) * 5).padStart(2, '0')}`;
      const pickup = random.pick(STREETS);
      let destination = random.pick(STREETS);
      if (destination === pickup) destination = STREETS[(STREETS.indexOf(pickup) + 1) % STREETS.length]!;
      const serviceAt = montrealDateTime(serviceDate, time);
      callRows.push({
        clientNumber: client.number,
        serviceAt,
        serviceDate,
        caller: random.pick(CALLERS),
        pickupAddress: pickup,
        destinationAddress: destination,
        distanceKm,
        waitingMinutes,
        serviceType: client.tariff === 'TAXI' ? 'taxi' : client.tariff === 'EXP' ? 'express' : 'standard',
        clientReference: random.next() < 0.5 ? `BC-${random.int(1000, 99999)}` : null,
        status,
        tariffId: tariff.id,
        tariffCode: tariff.code,
        discountPercent,
        ...price,
        completedAt: status === 'completed' ? new Date(serviceAt.getTime() + 90 * 60_000) : null,
        createdAt: new Date(serviceAt.getTime() - 60 * 60_000),
        // A passenger trip (the TAXI tariff's), as call taking stores it: its tariff's billing type and its municipalities.
        ...(tariff.isPassenger
          ? {
              billingType: tariff.defaultBillingType,
              originMunicipalityId: municipalityOf(pickup),
              destinationMunicipalityId: municipalityOf(destination),
            }
          : {}),
      });
    }
  }

  for (let i = 0; i < callRows.length; i += 500) {
    const inserted = await db
      .insert(calls)
      .values(callRows.slice(i, i + 500))
      .returning({ number: calls.number, status: calls.status, createdAt: calls.createdAt });
    await db
      .insert(callStatusChanges)
      .values(inserted.map((c) => ({ callNumber: c.number, fromStatus: null, toStatus: c.status, changedAt: c.createdAt })));
  }

  const history = await seedReceivablesHistory(db, today);
  // The calls not invoiced, reviewed as the application reviews every call it writes.
  await refreshReviewFlags(db, sql`array(select number from calls)`, true);
  return { users: DEMO_USERS.length, tariffs: TARIFFS.length, clients: CLIENTS.length, calls: callRows.length, ...history };
}
