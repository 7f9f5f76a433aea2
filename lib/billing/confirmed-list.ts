/**
 * What the clerk confirmed: for every invoice of the billing list, its billed client, number of
 * calls, subtotal and a digest of exactly which calls it bills at which price. Generation
 * recomputes the same from the same query and creates nothing when anything differs
 * (docs/business-rules.md, Billing): a member moved from one head to another between the list
 * and the click changes two digests even when every total stays the same.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ErrorCode } from '@/lib/errors';

/**
 * A 64-bit hash of one billed call (its number, its client, its price and its dues), alias `k`. Combined
 * per invoice by exclusive or (`bit_xor`, a 64-bit aggregate that PostgreSQL computes in
 * parallel parts) it does not depend on the order of the calls, and parts combine into the whole
 * (`foldDigest`). Calls differ, so their hashes do: none cancels another but by a 1-in-2^64
 * chance.
 */
export const callHashSql = (dues: SQL): SQL =>
  sql`hashint8extended(k.number::bigint, k.client_number::bigint * 4294967296 + k.price_cents + (${dues})::bigint * 1099511627776)`;

export type InvoiceDigest = { billedClientNumber: number; calls: number; subtotalCents: number; digest: string };

/** Combined call hashes (`bit_xor`, as text or a number from SQL) → 64 bits in base 36. */
export function foldDigest(parts: readonly (string | number | bigint)[]): string {
  let combined = 0n;
  for (const part of parts) combined ^= BigInt(part);
  return BigInt.asUintN(64, combined).toString(36);
}

/** "12345.40.123456.abc12;…": compact enough for a list of tens of thousands of invoices in a form field. */
export function encodeConfirmedList(invoices: readonly InvoiceDigest[]): string {
  return invoices.map((i) => `${i.billedClientNumber}.${i.calls}.${i.subtotalCents}.${i.digest}`).join(';');
}

const ENTRY = /^(\d{1,8})\.(\d{1,9})\.(\d{1,15})\.([0-9a-z]{1,13})$/;

/** The list back from the form field; null when it is not one. */
export function parseConfirmedList(text: string): InvoiceDigest[] | null {
  if (text === '') return [];
  const invoices: InvoiceDigest[] = [];
  for (const entry of text.split(';')) {
    const match = ENTRY.exec(entry);
    if (!match) return null;
    invoices.push({ billedClientNumber: Number(match[1]), calls: Number(match[2]), subtotalCents: Number(match[3]), digest: match[4]! });
  }
  return invoices;
}

export type ListChange = { code: ErrorCode; params: Record<string, string | number> };

/** How what would be billed now differs from what was confirmed, invoice by invoice (none: the same). */
export function compareConfirmedList(confirmed: readonly InvoiceDigest[], now: readonly InvoiceDigest[]): ListChange[] {
  const before = new Map(confirmed.map((i) => [i.billedClientNumber, i]));
  const after = new Map(now.map((i) => [i.billedClientNumber, i]));
  const changes: ListChange[] = [];
  for (const [client, was] of before) {
    const is = after.get(client);
    if (!is) changes.push({ code: 'billing.changes.gone', params: { client, calls: was.calls } });
    else if (is.calls !== was.calls || is.subtotalCents !== was.subtotalCents)
      changes.push({
        code: 'billing.changes.amount',
        params: { client, callsBefore: was.calls, callsNow: is.calls, before: was.subtotalCents / 100, now: is.subtotalCents / 100 },
      });
    else if (is.digest !== was.digest) changes.push({ code: 'billing.changes.calls', params: { client } });
  }
  for (const [client, is] of after) {
    if (!before.has(client)) changes.push({ code: 'billing.changes.added', params: { client, calls: is.calls } });
  }
  return changes.sort((a, b) => Number(a.params.client) - Number(b.params.client));
}
