/**
 * What the clerk confirmed: for every invoice of the billing list, its billed client, number of
 * calls, subtotal, dues and a digest of exactly which calls it bills at which price. Generation
 * recomputes the same from the same query and creates nothing when anything differs
 * (docs/business-rules.md, Billing): a member moved from one head to another between the list
 * and the click changes two digests even when every total stays the same; a dues rate or an
 * exemption changed meanwhile changes the invoice's dues.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ErrorCode } from '@/lib/errors';

/**
 * A 64-bit hash of one billed call (its number, its client and its price), alias `k`. Combined
 * per invoice by exclusive or (`bit_xor`, a 64-bit aggregate that PostgreSQL computes in
 * parallel parts) it does not depend on the order of the calls, and parts combine into the whole
 * (`foldDigest`). Calls differ, so their hashes do: none cancels another but by a 1-in-2^64
 * chance. A call's dues are not in its hash: they follow from its service date, its tariff and
 * its billed client by the rates and exemptions of the whole list, and a change to those shows
 * in the invoice's dues, compared apart. Hashing them too computed each call's dues a second
 * time (a month of half a million calls: 6 % of its list's time).
 */
export const callHashSql: SQL = sql`hashint8extended(k.number::bigint, k.client_number::bigint * 4294967296 + k.price_cents)`;

export type InvoiceDigest = { billedClientNumber: number; calls: number; subtotalCents: number; duesCents: number; digest: string };

/** Combined call hashes (`bit_xor`, as text or a number from SQL) → 64 bits in base 36. */
export function foldDigest(parts: readonly (string | number | bigint)[]): string {
  let combined = 0n;
  for (const part of parts) combined ^= BigInt(part);
  return BigInt.asUintN(64, combined).toString(36);
}

/** "12345.40.123456.3600.abc12;…": compact enough for a list of tens of thousands of invoices in a form field. */
export function encodeConfirmedList(invoices: readonly InvoiceDigest[]): string {
  return invoices.map((i) => `${i.billedClientNumber}.${i.calls}.${i.subtotalCents}.${i.duesCents}.${i.digest}`).join(';');
}

const ENTRY = /^(\d{1,8})\.(\d{1,9})\.(\d{1,15})\.(\d{1,15})\.([0-9a-z]{1,13})$/;

/** The list back from the form field; null when it is not one. */
export function parseConfirmedList(text: string): InvoiceDigest[] | null {
  if (text === '') return [];
  const invoices: InvoiceDigest[] = [];
  for (const entry of text.split(';')) {
    const match = ENTRY.exec(entry);
    if (!match) return null;
    invoices.push({
      billedClientNumber: Number(match[1]),
      calls: Number(match[2]),
      subtotalCents: Number(match[3]),
      duesCents: Number(match[4]),
      digest: match[5]!,
    });
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
    else if (is.duesCents !== was.duesCents)
      changes.push({ code: 'billing.changes.dues', params: { client, before: was.duesCents / 100, now: is.duesCents / 100 } });
    else if (is.digest !== was.digest) changes.push({ code: 'billing.changes.calls', params: { client } });
  }
  for (const [client, is] of after) {
    if (!before.has(client)) changes.push({ code: 'billing.changes.added', params: { client, calls: is.calls } });
  }
  return changes.sort((a, b) => Number(a.params.client) - Number(b.params.client));
}
