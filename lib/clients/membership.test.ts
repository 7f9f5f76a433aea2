import { describe, expect, test } from 'vitest';
import { checkEffectiveDate, type MembershipLimits } from './membership';

const today = '2025-06-10';
const noLimits: MembershipLimits = { lastInvoiced: null, lastChange: null };

describe('the date a change of group takes effect on ("En vigueur le")', () => {
  test('with nothing invoiced, no earlier change and no new head: any date up to today', () => {
    expect(checkEffectiveDate({ clientNumber: 12346, effective: today, today, limits: noLimits })).toEqual({ ok: true });
    expect(checkEffectiveDate({ clientNumber: 12346, effective: '2001-01-01', today, limits: noLimits })).toEqual({ ok: true });
  });

  test('after today: refused, with today', () => {
    expect(checkEffectiveDate({ clientNumber: 12346, effective: '2025-06-11', today, limits: noLimits })).toEqual({
      ok: false,
      code: 'membership.afterToday',
      params: { today },
    });
  });

  test('on or before the last invoiced call: refused, with the day after as the earliest date', () => {
    const limits: MembershipLimits = { lastInvoiced: '2025-05-31', lastChange: null };
    const refusal = {
      ok: false,
      code: 'membership.beforeInvoiced',
      params: { client: 12346, last: '2025-05-31', earliest: '2025-06-01' },
    };
    expect(checkEffectiveDate({ clientNumber: 12346, effective: '2025-05-31', today, limits })).toEqual(refusal);
    expect(checkEffectiveDate({ clientNumber: 12346, effective: '2025-01-15', today, limits })).toEqual(refusal);
  });

  test('the day after the last invoiced call: accepted', () => {
    const limits: MembershipLimits = { lastInvoiced: '2025-05-31', lastChange: null };
    expect(checkEffectiveDate({ clientNumber: 12346, effective: '2025-06-01', today, limits })).toEqual({ ok: true });
  });

  test('the earliest date crosses month, leap day and year ends', () => {
    const earliest = (lastInvoiced: string) => {
      const verdict = checkEffectiveDate({
        clientNumber: 12346,
        effective: lastInvoiced,
        today,
        limits: { lastInvoiced, lastChange: null },
      });
      return verdict.ok ? null : verdict.params.earliest;
    };
    expect(earliest('2024-02-28')).toBe('2024-02-29');
    expect(earliest('2024-02-29')).toBe('2024-03-01');
    expect(earliest('2023-02-28')).toBe('2023-03-01');
    expect(earliest('2024-12-31')).toBe('2025-01-01');
  });

  test('before the last change of group: refused, with that date', () => {
    const limits: MembershipLimits = { lastInvoiced: null, lastChange: '2025-04-15' };
    expect(checkEffectiveDate({ clientNumber: 12346, effective: '2025-04-14', today, limits })).toEqual({
      ok: false,
      code: 'membership.beforeLastChange',
      params: { client: 12346, date: '2025-04-15' },
    });
  });

  test('on the day of the last change of group: accepted', () => {
    const limits: MembershipLimits = { lastInvoiced: null, lastChange: '2025-04-15' };
    expect(checkEffectiveDate({ clientNumber: 12346, effective: '2025-04-15', today, limits })).toEqual({ ok: true });
  });

  test('before the new head became a grouped account: refused, with the head and that date', () => {
    expect(
      checkEffectiveDate({
        clientNumber: 12346,
        effective: '2025-04-30',
        today,
        limits: noLimits,
        head: { number: 40000, since: '2025-05-01' },
      }),
    ).toEqual({ ok: false, code: 'membership.headNotYet', params: { head: 40000, date: '2025-05-01' } });
  });

  test('on the day the new head became a grouped account: accepted', () => {
    expect(
      checkEffectiveDate({
        clientNumber: 12346,
        effective: '2025-05-01',
        today,
        limits: noLimits,
        head: { number: 40000, since: '2025-05-01' },
      }),
    ).toEqual({ ok: true });
  });

  test('a head since its creation, or whose start is unknown, does not bound the date', () => {
    for (const since of ['-infinity', null]) {
      expect(
        checkEffectiveDate({ clientNumber: 12346, effective: '2001-01-01', today, limits: noLimits, head: { number: 40000, since } }),
      ).toEqual({ ok: true });
    }
  });

  test('a date refused for several reasons: after today first, then the invoiced calls, the last change, the head', () => {
    const limits: MembershipLimits = { lastInvoiced: '2025-03-10', lastChange: '2025-04-15' };
    const head = { number: 40000, since: '2025-05-01' };
    const code = (effective: string) => {
      const verdict = checkEffectiveDate({ clientNumber: 12346, effective, today, limits, head });
      return verdict.ok ? 'ok' : verdict.code;
    };
    expect(code('2025-06-11')).toBe('membership.afterToday');
    expect(code('2025-03-01')).toBe('membership.beforeInvoiced');
    expect(code('2025-04-01')).toBe('membership.beforeLastChange');
    expect(code('2025-04-20')).toBe('membership.headNotYet');
    expect(code('2025-05-01')).toBe('ok');
  });

  test('the earliest date named for invoiced calls passes the other limits too', () => {
    const limits: MembershipLimits = { lastInvoiced: '2025-03-10', lastChange: '2025-04-15' };
    const earliest = (head?: { number: number; since: string | null }) => {
      const verdict = checkEffectiveDate({ clientNumber: 12346, effective: '2025-03-01', today, limits, head });
      return verdict.ok ? null : verdict.params.earliest;
    };
    expect(earliest()).toBe('2025-04-15');
    expect(earliest({ number: 40000, since: '2025-05-01' })).toBe('2025-05-01');
    expect(earliest({ number: 40000, since: '-infinity' })).toBe('2025-04-15');
  });
});
