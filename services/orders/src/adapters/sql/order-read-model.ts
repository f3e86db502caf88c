// The OrderReadModel port on the orders schema through Prisma: one order with its lines and timeline
// in a single snapshot, orders by number, and a customer's order history.
import { Prisma, type Database } from "@emporium/db";
import type { OrderReadModel, OrderRecord } from "../../ports/order-read-model";

export function sqlOrderReadModel(db: Database): OrderReadModel {
  return {
    order: (orderId) => readOrderSnapshot(db, orderId),

    async orderByNumber(number) {
      return db.prisma.order.findUnique({ where: { number }, select: { id: true, email: true } });
    },

    async customerOrderId(customerId, number) {
      const order = await db.prisma.order.findFirst({
        where: { number, customerId },
        select: { id: true },
      });
      return order?.id ?? null;
    },

    async customerOrders(customerId, page) {
      const where = { customerId };
      const [total, rows] = await Promise.all([
        db.prisma.order.count({ where }),
        db.prisma.order.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          skip: page.offset,
          take: page.limit,
          select: {
            id: true,
            number: true,
            status: true,
            currency: true,
            total: true,
            createdAt: true,
            lines: { select: { quantity: true } },
          },
        }),
      ]);
      return {
        total,
        rows: rows.map((o) => ({
          id: o.id,
          number: o.number,
          status: o.status,
          currency: o.currency,
          total: o.total,
          itemCount: o.lines.reduce((n, l) => n + l.quantity, 0),
          createdAt: o.createdAt,
        })),
      };
    },
  };
}

/**
 * The order with its lines and timeline as of one moment. Prisma reads an include as separate queries,
 * so without one snapshot a saga step committed between them shows its timeline entry beside the
 * order's older status and money (REPEATABLE READ gives every query the first one's snapshot).
 */
function readOrderSnapshot(db: Database, orderId: string): Promise<OrderRecord | null> {
  return db.prisma.$transaction(
    (tx) =>
      tx.order.findUnique({
        where: { id: orderId },
        include: { lines: { orderBy: { sku: "asc" } }, timeline: { orderBy: { seq: "asc" } } },
      }),
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
}
