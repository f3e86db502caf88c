// Reading orders as they are stored, for the shopper's order page, their account and the staff's order
// page: one order as of one moment, an order found by its number, a customer's own orders.
import type { OrderStatusName } from "@emporium/contracts";
import type { OrderFields } from "../domain/order";

/** An order with its lines (by SKU) and timeline (oldest first), all read at one moment. */
export interface OrderRecord extends OrderFields {
  customerId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The saga's facts as stored (validated by the caller). */
  saga: unknown;
  timeline: { seq: bigint; status: OrderStatusName; code: string; message: string; createdAt: Date }[];
}

/** One row of a customer's order history. */
export interface CustomerOrderRecord {
  id: string;
  number: string;
  status: OrderStatusName;
  currency: string;
  total: number;
  itemCount: number;
  createdAt: Date;
}

export interface OrderReadModel {
  /** The order as of one moment; null when there is none. */
  order(orderId: string): Promise<OrderRecord | null>;
  /** The id and email of the order with this number; null when there is none. */
  orderByNumber(number: string): Promise<{ id: string; email: string } | null>;
  /** The id of this customer's order with this number; null when they have none. */
  customerOrderId(customerId: string, number: string): Promise<string | null>;
  /** A page of the customer's orders, newest first, and how many they have in all. */
  customerOrders(
    customerId: string,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; rows: CustomerOrderRecord[] }>;
}
