import type { ErrorCode } from '@/lib/errors';

/** The result of every server action, safe to import from client components. */
export type ActionState<T = unknown> =
  | { status: 'idle' }
  | { status: 'success'; data: T; message?: string }
  | { status: 'error'; code: ErrorCode; message: string; fieldErrors: Record<string, string[]> };

export const idleState = { status: 'idle' } as const satisfies ActionState;
