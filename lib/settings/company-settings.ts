/**
 * Reading and saving the company settings: one row, id 1 (a check constraint keeps it single).
 * Every write runs in `withActor`, so the audit trigger records each changed field and who made it.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/index';
import { companySettings } from '@/db/schema';
import { withActor } from '@/lib/audit/with-actor';
import { AppError } from '@/lib/errors';
import type { CompanySettingsInput } from './company-input';
import { checkLogoDataUrl } from './logo-image';

export type CompanySettings = typeof companySettings.$inferSelect;

const SETTINGS_ID = 1;

/** The settings, or null while nobody has entered them (invoices cannot be printed then). */
export async function getCompanySettings(db: Executor): Promise<CompanySettings | null> {
  const [row] = await db.select().from(companySettings).where(eq(companySettings.id, SETTINGS_ID)).limit(1);
  return row ?? null;
}

/**
 * The settings every invoice prints (the company's name and its GST and QST registration
 * numbers): refused, with a message saying where to enter them, while nobody has.
 */
export function ensureCompanySettings(settings: CompanySettings | null): CompanySettings {
  if (!settings) throw new AppError('billing.noCompanySettings');
  return settings;
}

/** The settings, read for a document about to be issued or rendered; refused while missing. */
export async function requireCompanySettings(db: Executor): Promise<CompanySettings> {
  return ensureCompanySettings(await getCompanySettings(db));
}

/** Creates row 1 on a fresh database, updates it afterwards; the logo is left as it is. */
export async function saveCompanySettings(db: Db, actorId: number, input: CompanySettingsInput): Promise<CompanySettings> {
  return withActor(db, actorId, async (tx) => {
    const [saved] = await tx
      .insert(companySettings)
      .values({ id: SETTINGS_ID, ...input })
      .onConflictDoUpdate({ target: companySettings.id, set: { ...input, updatedAt: sql`now()` } })
      .returning();
    return saved!;
  });
}

/**
 * Sets (a PNG or JPEG data URL) or removes (null) the logo. Refused while the settings do not
 * exist: the row's other columns are required, and a logo alone prints no invoice.
 */
export async function saveCompanyLogo(db: Db, actorId: number, dataUrl: string | null): Promise<void> {
  if (dataUrl !== null) {
    const checked = checkLogoDataUrl(dataUrl);
    if (!checked.ok) throw new AppError(checked.code, {}, { logo: [checked.code] });
  }
  await withActor(db, actorId, async (tx) => {
    const [updated] = await tx
      .update(companySettings)
      .set({ logoPng: dataUrl, updatedAt: sql`now()` })
      .where(eq(companySettings.id, SETTINGS_ID))
      .returning({ id: companySettings.id });
    if (!updated) throw new AppError('settings.missing');
  });
}
