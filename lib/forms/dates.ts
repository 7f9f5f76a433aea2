import { z } from 'zod';

/**
 * A real calendar date typed as YYYY-MM-DD (what <input type="date"> sends), from 2000 to 2100:
 * the one date field of every form, filter and import.
 */
export const isoDate = z
  .string({ error: 'call.date' })
  .trim()
  .refine(
    (text) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!match) return false;
      const date = new Date(`${text}T00:00:00Z`);
      return (
        !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text && Number(match[1]) >= 2000 && Number(match[1]) <= 2100
      );
    },
    { error: 'call.date' },
  );
