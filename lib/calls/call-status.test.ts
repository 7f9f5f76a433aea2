import { describe, expect, test } from 'vitest';
import { allowedTransitions, canChangeStatus } from './call-status';

describe('call status flow', () => {
  test.each([
    ['open', 'dispatched', true],
    ['dispatched', 'completed', true],
    ['open', 'cancelled', true],
    ['dispatched', 'cancelled', true],
    ['open', 'completed', false],
    ['completed', 'cancelled', false],
    ['cancelled', 'completed', false],
    ['completed', 'completed', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });

  test('a completed call can only go back to dispatched', () => {
    expect(allowedTransitions('completed')).toEqual(['dispatched']);
  });
});
