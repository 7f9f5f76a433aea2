import { describe, expect, test } from 'vitest';
import { checkGroupedClientNumber, type GroupTarget } from './grouping';

const head12345: GroupTarget = { number: 12345, name: 'Pharmacie Centrale inc.', groupedClientNumber: 12345, isActive: true };
const member12346: GroupTarget = { number: 12346, name: 'Succursale Laval', groupedClientNumber: 12345, isActive: true };
const plain20001: GroupTarget = { number: 20001, name: 'Boulangerie Côté', groupedClientNumber: null, isActive: true };
const inactiveHead: GroupTarget = { number: 30000, name: 'Clinique fermée', groupedClientNumber: 30000, isActive: false };

describe('the field "No. client regroupé" of client C (docs/business-rules.md, Grouping)', () => {
  test('empty: C is billed on its own', () => {
    expect(checkGroupedClientNumber({ clientNumber: 20002, value: null, target: null, currentMembers: [] })).toEqual({
      ok: true,
      kind: 'none',
    });
  });

  test("C's own number: C is a grouped account", () => {
    expect(checkGroupedClientNumber({ clientNumber: 50001, value: 50001, target: null, currentMembers: [] })).toEqual({
      ok: true,
      kind: 'head',
    });
  });

  test('the number of a head H: C is a member of H, whose name is shown', () => {
    expect(checkGroupedClientNumber({ clientNumber: 12347, value: 12345, target: head12345, currentMembers: [] })).toEqual({
      ok: true,
      kind: 'member',
      head: { number: 12345, name: 'Pharmacie Centrale inc.' },
    });
  });

  test('G1: an unknown number is refused', () => {
    expect(checkGroupedClientNumber({ clientNumber: 20002, value: 99999, target: null, currentMembers: [] })).toEqual({
      ok: false,
      code: 'grouped.unknown',
      params: { target: 99999 },
    });
  });

  test('G1: a client that is not a grouped account is refused', () => {
    expect(checkGroupedClientNumber({ clientNumber: 20002, value: 20001, target: plain20001, currentMembers: [] })).toMatchObject({
      ok: false,
      code: 'grouped.notHead',
    });
  });

  test('G1: a member of another group is refused, naming its group (no chains)', () => {
    expect(checkGroupedClientNumber({ clientNumber: 20002, value: 12346, target: member12346, currentMembers: [] })).toEqual({
      ok: false,
      code: 'grouped.chain',
      params: { target: 12346, head: 12345 },
    });
  });

  test('an inactive head is refused', () => {
    expect(checkGroupedClientNumber({ clientNumber: 20002, value: 30000, target: inactiveHead, currentMembers: [] })).toMatchObject({
      ok: false,
      code: 'grouped.inactiveHead',
    });
  });

  test('G2: a head with members cannot clear its number, and the members are listed', () => {
    expect(checkGroupedClientNumber({ clientNumber: 12345, value: null, target: null, currentMembers: [12346, 12347] })).toEqual({
      ok: false,
      code: 'grouped.headHasMembers',
      params: { client: 12345, members: '12346, 12347' },
    });
  });

  test('G2: a head with members cannot join another group either', () => {
    expect(checkGroupedClientNumber({ clientNumber: 12345, value: 30000, target: inactiveHead, currentMembers: [12346] })).toMatchObject({
      code: 'grouped.headHasMembers',
    });
  });

  test('a head with members may keep its own number', () => {
    expect(checkGroupedClientNumber({ clientNumber: 12345, value: 12345, target: head12345, currentMembers: [12346, 12347] })).toEqual({
      ok: true,
      kind: 'head',
    });
  });

  test('a list of many members is shortened', () => {
    const members = Array.from({ length: 25 }, (_, i) => 60000 + i);
    const verdict = checkGroupedClientNumber({ clientNumber: 59999, value: null, target: null, currentMembers: members });
    expect(verdict).toMatchObject({ params: { members: expect.stringMatching(/^60000, 60001, .*60019… \(\+5\)$/) } });
  });
});
