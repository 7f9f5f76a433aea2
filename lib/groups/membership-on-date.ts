/**
 * The membership in force on a date (docs/business-rules.md, Dated group membership): the one
 * rule by which the billing list, generation, the credit hold and every screen that says where a
 * call is billed find its group.
 */
import { sql, type SQL } from 'drizzle-orm';

/**
 * The membership in force on call `k`'s service date, as `m`: joins `group_memberships` on
 * `k.client_number` and `k.service_date`. No row: the call is billed on its own client.
 * `clientRange`, when the calls are those of a range of clients, says so to the join too, so
 * that PostgreSQL reads those clients' memberships rather than all of them.
 */
export function membershipOnServiceDate(kind: 'join' | 'left join' = 'left join', clientRange?: { from: number; to: number } | null): SQL {
  return sql`${sql.raw(kind)} group_memberships m
          on m.client_number = k.client_number
         and m.valid_from <= k.service_date
         and (m.valid_to is null or k.service_date < m.valid_to)${
           clientRange ? sql` and m.client_number between ${clientRange.from} and ${clientRange.to}` : sql``
         }`;
}
