import type { CallStatus } from './call-input';

/**
 * The status flow of a call: open → dispatched → completed, or cancelled. A completed or
 * cancelled call can be put back to dispatched or open while it is not invoiced (a mistake at
 * the dispatch desk); only completed calls are billable.
 */
const NEXT: Record<CallStatus, CallStatus[]> = {
  open: ['dispatched', 'cancelled'],
  dispatched: ['completed', 'open', 'cancelled'],
  completed: ['dispatched'],
  cancelled: ['open'],
};

export function allowedTransitions(from: CallStatus): CallStatus[] {
  return NEXT[from];
}

export function canChangeStatus(from: CallStatus, to: CallStatus): boolean {
  return NEXT[from].includes(to);
}
