// What the orders API hands out: plain data, the same for the storefront, the admin and tests.
import type { OrderStatusName } from "@emporium/contracts";
import type { OrderFields, OrderLine } from "../domain/order";

export interface CartLineView extends OrderLine {
  /** From the catalog right now; null when the catalog could not be asked. */
  productSlug: string | null;
  image: { url: string; alt: string; width: number; height: number } | null;
  available: number | null;
  /** The catalog's current price when it differs from the price held in the cart. */
  currentPrice: number | null;
}

export interface CartView {
  token: string;
  currency: string;
  lines: CartLineView[];
  itemCount: number;
  subtotal: number;
  expiresAt: string;
  /** Stock and current prices are missing because the catalog could not be reached. */
  degraded: boolean;
}

export interface TimelineView {
  status: OrderStatusName;
  code: string;
  message: string;
  at: string;
}

export interface OrderView extends OrderFields {
  createdAt: string;
  updatedAt: string;
  /** Why the last card was refused, while the order waits for another one (null otherwise). */
  awaitingPayment: string | null;
  timeline: TimelineView[];
}

export interface PlacedOrder {
  orderId: string;
  number: string;
  status: OrderStatusName;
  /** Lets the shopper (and only them) open and watch this order. */
  accessToken: string;
  /** True when the same idempotency key and request were seen before: this is the same order again. */
  replayed: boolean;
  /** Set when the request paid an order that awaited another card (placed before from the same cart). */
  resumed?: true;
}
