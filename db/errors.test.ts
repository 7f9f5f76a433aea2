import { describe, expect, test } from 'vitest';
import { isConnectionLost } from './errors';

/** An error as Drizzle throws it: the driver's error as its cause. */
const throughDrizzle = (cause: object) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isConnectionLost', () => {
  test.each([
    ['the server closed the socket (postgres.js CONNECTION_CLOSED)', throughDrizzle({ code: 'CONNECTION_CLOSED' }), true],
    ['the server is down (ECONNREFUSED)', throughDrizzle({ code: 'ECONNREFUSED' }), true],
    ['the connection was reset (ECONNRESET)', { code: 'ECONNRESET' }, true],
    ['the server was shut down under the session (57P01)', throughDrizzle({ code: '57P01' }), true],
    ['the server is still starting up (57P03)', throughDrizzle({ code: '57P03' }), true],
    ['a connection exception (08006)', throughDrizzle({ code: '08006' }), true],
    ['the application closed its own pool (CONNECTION_ENDED)', throughDrizzle({ code: 'CONNECTION_ENDED' }), false],
    ['a unique violation (23505)', throughDrizzle({ code: '23505' }), false],
    ['a trigger refusal (RB002)', throughDrizzle({ code: 'RB002' }), false],
    ['an error without a code', new Error('boom'), false],
    ['not an error at all', 'boom', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isConnectionLost(error)).toBe(expected);
  });
});
