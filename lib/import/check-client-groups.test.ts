import { describe, expect, test } from 'vitest';
import { checkClientGroups, type GroupLine, type GroupState } from './check-client-groups';

const line = (line: number, number: number, grouped: number | null, extra: Partial<GroupLine> = {}): GroupLine => ({
  line,
  number,
  grouped,
  isActive: true,
  current: null,
  ...extra,
});
const problemsOf = (lines: GroupLine[], others: [number, GroupState][] = []) =>
  checkClientGroups(lines, new Map(others)).map((p) => [p.line, p.column, p.code, p.params]);

describe('grouping rules over a whole client file', () => {
  test('heads and members in any order: members before their head are accepted', () => {
    expect(problemsOf([line(2, 12346, 12345), line(3, 12347, 12345), line(4, 12345, 12345)])).toEqual([]);
  });

  test('G1: a member of an unknown client, of a client billed on its own, of a member (a chain), of an inactive head', () => {
    expect(
      problemsOf(
        [line(2, 1, 99), line(3, 2, 10), line(4, 3, 20), line(5, 4, 30)],
        [
          [10, { grouped: null, isActive: true }],
          [20, { grouped: 30, isActive: true }],
          [30, { grouped: 30, isActive: false }],
        ],
      ),
    ).toEqual([
      [2, 'groupedClientNumber', 'grouped.unknown', { target: 99 }],
      [3, 'groupedClientNumber', 'grouped.notHead', { target: 10 }],
      [4, 'groupedClientNumber', 'grouped.chain', { target: 20, head: 30 }],
      [5, 'groupedClientNumber', 'grouped.inactiveHead', { target: 30 }],
    ]);
  });

  test('a chain inside the file: a member pointing to a client the file makes a member', () => {
    expect(problemsOf([line(2, 12345, 12345), line(3, 12346, 12345), line(4, 12347, 12346)])).toEqual([
      [4, 'groupedClientNumber', 'grouped.chain', { target: 12346, head: 12345 }],
    ]);
  });

  test('G2: a head of the database that the file ungroups while members stay with it', () => {
    const current = { grouped: 12345, isActive: true };
    expect(problemsOf([line(2, 12345, null, { current })], [[12346, { grouped: 12345, isActive: true }]])).toEqual([
      [2, 'groupedClientNumber', 'grouped.headHasMembers', { client: 12345, members: '12346' }],
    ]);
    // Its members leave in the same file: accepted.
    expect(problemsOf([line(2, 12345, null, { current }), line(3, 12346, null, { current: { grouped: 12345, isActive: true } })])).toEqual(
      [],
    );
  });

  test('G2: a head with members cannot be deactivated', () => {
    expect(
      problemsOf(
        [line(7, 12345, 12345, { isActive: false, current: { grouped: 12345, isActive: true } })],
        [[12346, { grouped: 12345, isActive: true }]],
      ),
    ).toEqual([[7, 'isActive', 'grouped.cannotDeactivate', { client: 12345, members: '12346' }]]);
  });

  test('a member left as it was is not blamed for its head', () => {
    expect(
      problemsOf([
        line(2, 12345, null, { current: { grouped: 12345, isActive: true } }),
        line(3, 12346, 12345, { current: { grouped: 12345, isActive: true } }),
      ]),
    ).toEqual([[2, 'groupedClientNumber', 'grouped.headHasMembers', { client: 12345, members: '12346' }]]);
  });
});
