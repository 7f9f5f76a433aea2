import { describe, expect, test } from 'vitest';
import { reasonsOf, REVIEW_REASONS } from './review-flags';

describe('the reasons of a call to review, from its bits', () => {
  test('each bit is one reason, in the review’s order', () => {
    expect(reasonsOf(0)).toEqual([]);
    expect(reasonsOf(REVIEW_REASONS.duplicate | REVIEW_REASONS.missingReference)).toEqual(['missingReference', 'duplicate']);
    expect(reasonsOf(15)).toEqual(['missingReference', 'zeroPrice', 'highPrice', 'duplicate']);
  });
});
