import { describe, expect, test } from 'vitest';
import { compareConfirmedList, encodeConfirmedList, foldDigest, parseConfirmedList, type InvoiceDigest } from './confirmed-list';

const MAX_DIGEST = ((1n << 64n) - 1n).toString(36);

const list: InvoiceDigest[] = [
  { billedClientNumber: 12345, calls: 40, subtotalCents: 123456, duesCents: 3600, digest: foldDigest(['987654321987654321', '-42']) },
  { billedClientNumber: 20001, calls: 1, subtotalCents: 1930, duesCents: 90, digest: foldDigest(['-1']) },
  { billedClientNumber: 30000, calls: 0, subtotalCents: 0, duesCents: 0, digest: '0' },
];

describe('the list the clerk confirms, in a form field', () => {
  test('read back, it is exactly the list that was shown', () => {
    expect(parseConfirmedList(encodeConfirmedList(list))).toEqual(list);
  });

  test('is compact: client, calls, subtotal and dues in cents and digest, separated by dots and semicolons', () => {
    expect(
      encodeConfirmedList([list[0]!, { billedClientNumber: 20001, calls: 1, subtotalCents: 1930, duesCents: 90, digest: 'abc12' }]),
    ).toBe(`12345.40.123456.3600.${list[0]!.digest};20001.1.1930.90.abc12`);
  });

  test('with no invoice to bill: an empty field, read back as an empty list', () => {
    expect(encodeConfirmedList([])).toBe('');
    expect(parseConfirmedList('')).toEqual([]);
  });

  test('the largest values it allows survive the round trip', () => {
    const largest: InvoiceDigest[] = [
      { billedClientNumber: 99999999, calls: 999999999, subtotalCents: 999999999999999, duesCents: 999999999999999, digest: MAX_DIGEST },
    ];
    expect(MAX_DIGEST).toHaveLength(13);
    expect(parseConfirmedList(encodeConfirmedList(largest))).toEqual(largest);
  });

  test.each([
    ['a missing field', '12345.40.123456.3600'],
    ['an extra field', '12345.40.123456.3600.abc.1'],
    ['a trailing semicolon', '12345.40.123456.3600.abc;'],
    ['an empty entry between two', '12345.40.123456.3600.abc;;20001.1.1930.90.def'],
    ['a negative subtotal', '12345.40.-123456.3600.abc'],
    ['negative dues', '12345.40.123456.-3600.abc'],
    ['a decimal subtotal', '12345.40.1234.56.3600.abc'],
    ['an upper-case digest', '12345.40.123456.3600.ABC'],
    ['a digest of more than 64 bits', '12345.40.123456.3600.abcdefghijklmn'],
    ['an empty digest', '12345.40.123456.3600.'],
    ['a client number of 9 digits', '123456789.40.123456.3600.abc'],
    ['spaces', ' 12345.40.123456.3600.abc'],
    ['a comma instead of a semicolon', '12345.40.123456.3600.abc,20001.1.1930.90.def'],
    ['a list of the former kind, without dues', '12345.40.123456.abc'],
    ['anything else', 'hello'],
  ])('tampered with (%s), it is refused as a whole', (_, text) => {
    expect(parseConfirmedList(text)).toBeNull();
  });

  test('one bad entry among good ones refuses the whole list', () => {
    expect(parseConfirmedList(`${encodeConfirmedList(list)};oops`)).toBeNull();
  });
});

describe('what changed between the confirmed list and what would be billed now', () => {
  test('the same list: no change', () => {
    expect(compareConfirmedList(list, list)).toEqual([]);
    expect(compareConfirmedList(list, structuredClone(list).reverse())).toEqual([]);
    expect(compareConfirmedList([], [])).toEqual([]);
  });

  test('a client no longer billed: gone, with the calls it had', () => {
    expect(compareConfirmedList(list, [list[0]!, list[2]!])).toEqual([
      { code: 'billing.changes.gone', params: { client: 20001, calls: 1 } },
    ]);
  });

  test('a client billed that was not in the list: added, with its calls', () => {
    const added: InvoiceDigest = { billedClientNumber: 15000, calls: 3, subtotalCents: 5790, duesCents: 0, digest: 'x1' };
    expect(compareConfirmedList(list, [...list, added])).toEqual([{ code: 'billing.changes.added', params: { client: 15000, calls: 3 } }]);
  });

  test('another number of calls: amount, with calls and subtotals in dollars before and now', () => {
    const now = [{ ...list[0]!, calls: 41, subtotalCents: 125386 }, list[1]!, list[2]!];
    expect(compareConfirmedList(list, now)).toEqual([
      { code: 'billing.changes.amount', params: { client: 12345, callsBefore: 40, callsNow: 41, before: 1234.56, now: 1253.86 } },
    ]);
  });

  test('the same calls at another total: amount too', () => {
    const now = [list[0]!, { ...list[1]!, subtotalCents: 2000, duesCents: 90, digest: 'other' }, list[2]!];
    expect(compareConfirmedList(list, now)).toEqual([
      { code: 'billing.changes.amount', params: { client: 20001, callsBefore: 1, callsNow: 1, before: 19.3, now: 20 } },
    ]);
  });

  test('the same calls at the same total with other dues (a rate or an exemption changed): dues, in dollars before and now', () => {
    const now = [{ ...list[0]!, duesCents: 4400 }, list[1]!, list[2]!];
    expect(compareConfirmedList(list, now)).toEqual([{ code: 'billing.changes.dues', params: { client: 12345, before: 36, now: 44 } }]);
  });

  test('same calls count and total but other calls: calls, with only the client', () => {
    const now = [list[0]!, { ...list[1]!, digest: 'other' }, list[2]!];
    expect(compareConfirmedList(list, now)).toEqual([{ code: 'billing.changes.calls', params: { client: 20001 } }]);
  });

  test('members swapped between two heads, every count and total unchanged: both heads are reported', () => {
    // Head 12345 bills its own call (hash 11) and one of member 12346 (hash 22); head 40000 bills
    // its own call (hash 33) and one of member 40001 (hash 44), each member's call at the same price.
    // The members swap heads between the list and the click.
    const confirmed: InvoiceDigest[] = [
      { billedClientNumber: 12345, calls: 2, subtotalCents: 4820, duesCents: 180, digest: foldDigest(['11', '22']) },
      { billedClientNumber: 40000, calls: 2, subtotalCents: 4820, duesCents: 180, digest: foldDigest(['33', '44']) },
    ];
    const now: InvoiceDigest[] = [
      { billedClientNumber: 40000, calls: 2, subtotalCents: 4820, duesCents: 180, digest: foldDigest(['33', '22']) },
      { billedClientNumber: 12345, calls: 2, subtotalCents: 4820, duesCents: 180, digest: foldDigest(['11', '44']) },
    ];
    expect(compareConfirmedList(confirmed, now)).toEqual([
      { code: 'billing.changes.calls', params: { client: 12345 } },
      { code: 'billing.changes.calls', params: { client: 40000 } },
    ]);
  });

  test('a member moved to another head: one head loses calls, the other gains them', () => {
    const confirmed: InvoiceDigest[] = [
      { billedClientNumber: 12345, calls: 3, subtotalCents: 6750, duesCents: 270, digest: foldDigest(['11', '22', '55']) },
      { billedClientNumber: 40000, calls: 1, subtotalCents: 1930, duesCents: 90, digest: foldDigest(['33']) },
    ];
    const now: InvoiceDigest[] = [
      { billedClientNumber: 12345, calls: 2, subtotalCents: 4820, duesCents: 180, digest: foldDigest(['11', '22']) },
      { billedClientNumber: 40000, calls: 2, subtotalCents: 3860, duesCents: 180, digest: foldDigest(['33', '55']) },
    ];
    expect(compareConfirmedList(confirmed, now)).toEqual([
      { code: 'billing.changes.amount', params: { client: 12345, callsBefore: 3, callsNow: 2, before: 67.5, now: 48.2 } },
      { code: 'billing.changes.amount', params: { client: 40000, callsBefore: 1, callsNow: 2, before: 19.3, now: 38.6 } },
    ]);
  });

  test('several changes at once: one per client, in order of client number', () => {
    const now: InvoiceDigest[] = [
      { billedClientNumber: 50000, calls: 2, subtotalCents: 3860, duesCents: 180, digest: 'n1' },
      { ...list[2]!, digest: 'changed' },
      { ...list[0]!, calls: 39, subtotalCents: 121526 },
      { billedClientNumber: 10000, calls: 1, subtotalCents: 1930, duesCents: 90, digest: 'n2' },
    ];
    expect(compareConfirmedList(list, now)).toEqual([
      { code: 'billing.changes.added', params: { client: 10000, calls: 1 } },
      { code: 'billing.changes.amount', params: { client: 12345, callsBefore: 40, callsNow: 39, before: 1234.56, now: 1215.26 } },
      { code: 'billing.changes.gone', params: { client: 20001, calls: 1 } },
      { code: 'billing.changes.calls', params: { client: 30000 } },
      { code: 'billing.changes.added', params: { client: 50000, calls: 2 } },
    ]);
  });
});

describe('the digest of the calls of one invoice', () => {
  test('does not depend on the order of the calls', () => {
    expect(foldDigest(['11', '-22', '987654321987654321'])).toBe(foldDigest(['987654321987654321', '11', '-22']));
  });

  test('parts combine into the whole (the list by member, generation by invoice, give the same digest)', () => {
    expect(foldDigest(['5', '3'])).toBe(foldDigest(['6']));
    expect(foldDigest(['-5', '3'])).toBe(foldDigest([String(-5n ^ 3n)]));
    expect(foldDigest([12])).toBe(foldDigest(['12']));
    expect(foldDigest([12n])).toBe(foldDigest(['12']));
  });

  test('is the exclusive or of 64-bit hashes in base 36, never negative', () => {
    expect(foldDigest([])).toBe('0');
    expect(foldDigest(['35'])).toBe('z');
    expect(foldDigest(['36'])).toBe('10');
    expect(foldDigest(['-1'])).toBe(MAX_DIGEST);
    expect(foldDigest(['-9223372036854775808'])).toBe((1n << 63n).toString(36));
    expect(foldDigest(['9223372036854775807', '-9223372036854775808'])).toBe(MAX_DIGEST);
  });

  test('different calls give different digests', () => {
    const digests = [foldDigest(['1']), foldDigest(['2']), foldDigest(['1', '2']), foldDigest(['-1']), foldDigest(['-2'])];
    expect(new Set(digests).size).toBe(digests.length);
  });

  test('always fits the form field', () => {
    for (const sums of [[], ['-1'], ['123456789012345678901234567890'], ['-987654321987654321', '42']]) {
      const entry: InvoiceDigest = { billedClientNumber: 1, calls: 1, subtotalCents: 1, duesCents: 0, digest: foldDigest(sums) };
      expect(parseConfirmedList(encodeConfirmedList([entry]))).toEqual([entry]);
    }
  });
});
