/**
 * A call's status history (call_status_changes), written by the statement that writes the call:
 * its first status when it is created, a line for each change of status after, by the user or
 * the dispatch system's token that made it. One SQL fragment for every writer of calls: the form
 * and the dispatch API (insertCall, updateCallRow, one call each) and the import (thousands of
 * calls a statement).
 */
import { sql, type SQL } from 'drizzle-orm';

/** Who wrote a call: a user of the application, or a token of the dispatch API. */
export type CallAuthor = { userId: number | null; tokenId: number | null };

/**
 * The status history of the calls `changes` gives: a subquery of `call_number`, `from_status`
 * (null for a call just created) and `to_status`, from the data-modifying CTE that wrote them. A
 * call whose status did not change gets no line. An `insert` statement, to end a `with`.
 */
export function recordStatusChanges(changes: SQL, author: CallAuthor): SQL {
  return sql`insert into call_status_changes (call_number, from_status, to_status, changed_by, changed_by_token)
    select c.call_number, c.from_status, c.to_status, ${author.userId}::int, ${author.tokenId}::int
      from ${changes} as c where c.from_status is distinct from c.to_status`;
}

/** The first status of each call the CTE `created` inserted (returning its `number` and `status`). */
export const firstStatusesOfCreated = sql`(select number as call_number, null::call_status as from_status, status as to_status from created)`;
