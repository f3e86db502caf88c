// The operations console's view of orders the saga has not finished: oldest first.
import type { OrderStatusName } from "@emporium/contracts";

export interface UnfinishedOrder {
  id: string;
  number: string;
  status: OrderStatusName;
  total: number;
  currency: string;
  /** The saga's facts as stored (validated by the caller). */
  saga: unknown;
  placedAt: Date;
}

export interface UnfinishedOrders {
  /** PENDING or CONFIRMED orders placed more than `minutes` ago, the oldest `limit` of them. */
  olderThan(minutes: number, limit: number): Promise<UnfinishedOrder[]>;
}
