import type { z } from 'zod';

/** What a forged form post (or a paste) may put in a field: each would end a line of some export. */
export const BREAKING = ['A\r\n1060,-9999\r\nZed', 'A\n1060', 'A\r1060', 'A\t1060', 'A\u2028B', 'A\u0085B', 'A\u0007B', 'A\u0000B'];

/** The messages of a parse's issues about `field`. */
export const messagesOf = (result: z.ZodSafeParseResult<unknown>, field: string) =>
  result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === field).map((issue) => issue.message);
