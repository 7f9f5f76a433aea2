import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { defineUrlState, optionalQueryNumber, parseRouteNumber } from './url-state';

const listUrl = defineUrlState(
  '/things',
  z.object({
    q: z.string().trim().catch(''),
    members: z.preprocess((v) => v === '1', z.boolean()).catch(false),
    sort: z.enum(['number', 'name']).catch('number'),
    page: z.coerce.number().int().min(1).catch(1),
    selected: z.coerce.number().int().optional().catch(undefined),
  }),
);

describe('a screen’s URL state', () => {
  test('an empty query gives the defaults, and the defaults give the bare path', () => {
    const state = listUrl.parse({});
    expect(state).toEqual({ q: '', members: false, sort: 'number', page: 1, selected: undefined });
    expect(listUrl.href(state)).toBe('/things');
  });

  test('what is read is written back the same way, defaults left out', () => {
    const state = listUrl.parse({ q: 'Laval', members: '1', sort: 'name', page: '3' });
    expect(listUrl.href(state)).toBe('/things?q=Laval&members=1&sort=name&page=3');
    expect(listUrl.parse(Object.fromEntries(new URL(listUrl.href(state), 'http://x').searchParams))).toEqual(state);
  });

  test('a link changes only what it names', () => {
    const state = listUrl.parse({ q: 'a b', page: '2' });
    expect(listUrl.href(state, { page: 1, sort: 'name' })).toBe('/things?q=a+b&sort=name');
    expect(listUrl.href(state, { selected: 7 })).toBe('/things?q=a+b&page=2&selected=7');
  });

  test('a hand-edited value falls back to its default', () => {
    expect(listUrl.parse({ sort: 'drop table', page: '-4' })).toMatchObject({ sort: 'number', page: 1 });
  });
});

describe('a number in a route', () => {
  test.each([
    ['12345', 'integer', 12345],
    ['2147483647', 'integer', 2147483647],
    ['2147483648', 'integer', null],
    ['2147483648', 'bigint', 2147483648],
    ['0', 'bigint', null],
    ['12a', 'bigint', null],
    ['-3', 'bigint', null],
    [' 12', 'bigint', null],
    ['9999999999999999', 'bigint', null],
  ] as const)('%s as %s → %s', (raw, column, expected) => {
    expect(parseRouteNumber(raw, column)).toBe(expected);
  });
});

describe('a number filter of a query string', () => {
  const clientFilter = z.object({ client: optionalQueryNumber('integer'), call: optionalQueryNumber('bigint') });
  test.each([
    [
      { client: ' 12345 ', call: '100001' },
      { client: 12345, call: 100001 },
    ],
    // Beyond PostgreSQL's integer, a client number would make the query fail: not filtered instead.
    [
      { client: '99999999999', call: '99999999999' },
      { client: undefined, call: 99999999999 },
    ],
    [
      { client: 'abc', call: '-1' },
      { client: undefined, call: undefined },
    ],
  ])('%j → %j', (raw, expected) => {
    expect(clientFilter.parse(raw)).toEqual(expected);
  });
});
