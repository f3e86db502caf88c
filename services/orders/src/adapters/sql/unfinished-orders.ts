// The age of the oldest order the saga is still moving (PENDING or CONFIRMED), from the database's own
// clock; served on the (status, created_at) index, so it stays cheap at every scrape.
import type { SqlSession } from "@emporium/db";

export async function oldestUnfinishedOrderAgeSeconds(sql: SqlSession): Promise<number | null> {
  const [row] = await sql.query<{ age: number | null }>(
    `SELECT extract(epoch FROM now() - min(created_at))::float8 AS age
       FROM orders.orders WHERE status IN ('PENDING', 'CONFIRMED')`,
  );
  return row?.age ?? null;
}
