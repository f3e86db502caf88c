// Orders the saga is still moving (PENDING or CONFIRMED): the age of the oldest, from the database's own
// clock, served on the (status, created_at) index so it stays cheap at every scrape; and the operations
// console's list of those older than a threshold.
import type { SqlSession } from "@emporium/db";
import type { UnfinishedOrder, UnfinishedOrders } from "../../ports/unfinished-orders";

export async function oldestUnfinishedOrderAgeSeconds(sql: SqlSession): Promise<number | null> {
  const [row] = await sql.query<{ age: number | null }>(
    `SELECT extract(epoch FROM now() - min(created_at))::float8 AS age
       FROM orders.orders WHERE status IN ('PENDING', 'CONFIRMED')`,
  );
  return row?.age ?? null;
}

/** The UnfinishedOrders port: the same (status, created_at) index, the database's clock. */
export function sqlUnfinishedOrders(sql: SqlSession): UnfinishedOrders {
  return {
    olderThan: (minutes, limit) =>
      sql.query<UnfinishedOrder & Record<string, unknown>>(
        `SELECT id::text AS id, number, status::text AS status, total, currency, saga, created_at AS "placedAt"
           FROM orders.orders
          WHERE status IN ('PENDING', 'CONFIRMED') AND created_at < now() - make_interval(mins => $1::int)
          ORDER BY created_at LIMIT $2::int`,
        [minutes, limit],
      ),
  };
}
