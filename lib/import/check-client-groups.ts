/**
 * The grouping rules (docs/business-rules.md, Grouping, G1 and G2) over a whole client file:
 * heads and members may come in any order, so each line is judged against the state the file
 * leads to (its own lines over the clients already in the database), with the client form's own
 * verdicts (checkGroupedClientNumber). Only the lines that change a client's group or activity
 * are judged: a member left as it was is not blamed for its head's line.
 */
import { checkGroupedClientNumber, formatMemberList } from '@/lib/clients/grouping';
import type { ErrorCode } from '@/lib/errors';

export type GroupState = { grouped: number | null; isActive: boolean };

export type GroupLine = {
  line: number;
  number: number;
  grouped: number | null;
  isActive: boolean;
  /** The client as the database holds it now; null for a new client. */
  current: GroupState | null;
};

export type GroupProblem = {
  line: number;
  column: 'groupedClientNumber' | 'isActive';
  code: ErrorCode;
  params: Record<string, string | number>;
};

/**
 * `others`: the clients the file does not name but its lines depend on (the heads its members
 * point to, the members of its heads).
 */
export function checkClientGroups(lines: readonly GroupLine[], others: ReadonlyMap<number, GroupState>): GroupProblem[] {
  const final = new Map(others);
  for (const line of lines) final.set(line.number, { grouped: line.grouped, isActive: line.isActive });
  const membersOf = new Map<number, number[]>();
  for (const [number, state] of final) {
    if (state.grouped === null || state.grouped === number) continue;
    membersOf.set(state.grouped, [...(membersOf.get(state.grouped) ?? []), number]);
  }

  const problems: GroupProblem[] = [];
  for (const line of lines) {
    const members = (membersOf.get(line.number) ?? []).sort((a, b) => a - b);
    const isGroupChanged = line.current === null ? line.grouped !== null : line.current.grouped !== line.grouped;
    if (isGroupChanged) {
      const targetState = line.grouped === null || line.grouped === line.number ? undefined : final.get(line.grouped);
      const verdict = checkGroupedClientNumber({
        clientNumber: line.number,
        value: line.grouped,
        target: targetState ? { number: line.grouped!, name: '', ...toTarget(targetState) } : null,
        // G2 holds a head of the database to its members; a line pointing to a client that is no
        // head (a chain in the file) is refused on its own line instead.
        currentMembers: line.current?.grouped === line.number ? members : [],
      });
      if (!verdict.ok) problems.push({ line: line.line, column: 'groupedClientNumber', code: verdict.code, params: verdict.params });
    }
    const isDeactivated = !line.isActive && (line.current === null || line.current.isActive);
    if (isDeactivated && line.grouped === line.number && members.length > 0) {
      problems.push({
        line: line.line,
        column: 'isActive',
        code: 'grouped.cannotDeactivate',
        params: { client: line.number, members: formatMemberList(members) },
      });
    }
  }
  return problems;
}

function toTarget(state: GroupState) {
  return { groupedClientNumber: state.grouped, isActive: state.isActive };
}
