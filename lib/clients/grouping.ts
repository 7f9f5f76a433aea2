/**
 * The field "No. client regroupé" of a client C (docs/business-rules.md, Grouping):
 * - empty: C is billed on its own;
 * - C's own number: C is a grouped account (a head);
 * - another number H: C is a member of H's group, and H must be a head (G1).
 * A head that still has members cannot stop being a head (G2).
 * This function explains the rule before saving; the database enforces it again
 * (foreign key clients_grouped_client_is_head and trigger clients_guard_grouping).
 */
export type GroupTarget = { number: number; name: string; groupedClientNumber: number | null; isActive: boolean };

export type GroupingVerdict =
  | { ok: true; kind: 'none' }
  | { ok: true; kind: 'head' }
  | { ok: true; kind: 'member'; head: { number: number; name: string } }
  | { ok: false; code: 'grouped.unknown'; params: { target: number } }
  | { ok: false; code: 'grouped.notHead'; params: { target: number } }
  | { ok: false; code: 'grouped.chain'; params: { target: number; head: number } }
  | { ok: false; code: 'grouped.inactiveHead'; params: { target: number } }
  | { ok: false; code: 'grouped.headHasMembers'; params: { client: number; members: string } };

export function checkGroupedClientNumber(args: {
  clientNumber: number;
  value: number | null;
  /** The client named by `value` (null when unknown); unused when value is empty or C's own number. */
  target: GroupTarget | null;
  /** C's current members, other than C itself (empty unless C is a head). */
  currentMembers: number[];
}): GroupingVerdict {
  const { clientNumber, value, target, currentMembers } = args;
  const isStayingHead = value === clientNumber;
  if (!isStayingHead && currentMembers.length > 0) {
    return { ok: false, code: 'grouped.headHasMembers', params: { client: clientNumber, members: formatMemberList(currentMembers) } };
  }
  if (value === null) return { ok: true, kind: 'none' };
  if (isStayingHead) return { ok: true, kind: 'head' };
  if (!target) return { ok: false, code: 'grouped.unknown', params: { target: value } };
  if (target.groupedClientNumber === null) return { ok: false, code: 'grouped.notHead', params: { target: value } };
  if (target.groupedClientNumber !== target.number) {
    return { ok: false, code: 'grouped.chain', params: { target: value, head: target.groupedClientNumber } };
  }
  if (!target.isActive) return { ok: false, code: 'grouped.inactiveHead', params: { target: value } };
  return { ok: true, kind: 'member', head: { number: target.number, name: target.name } };
}

/** "12346, 12347" — at most 20 numbers, then "… (+N)". */
export function formatMemberList(members: number[]): string {
  const shown = members.slice(0, 20).join(', ');
  return members.length > 20 ? `${shown}… (+${members.length - 20})` : shown;
}
