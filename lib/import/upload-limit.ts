import { z } from 'zod';

const megabytes = z.coerce.number().int().min(1).max(1024);

/**
 * The largest import file accepted, in bytes (IMPORT_MAX_MB, 50 by default): 100,000 calls take
 * about 20 MB. The file is read as it arrives, never whole, so the limit guards the time an
 * upload may take rather than the server's memory.
 */
export function importMaxBytes(): number {
  const value = process.env.IMPORT_MAX_MB;
  if (!value) return 50 * 1024 * 1024;
  const parsed = megabytes.safeParse(value);
  if (!parsed.success) {
    throw new Error(`IMPORT_MAX_MB doit être un entier de 1 à 1024. / must be an integer from 1 to 1024. (IMPORT_MAX_MB=${value})`);
  }
  return parsed.data * 1024 * 1024;
}
