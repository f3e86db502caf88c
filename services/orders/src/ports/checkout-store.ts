// What placing an order needs from storage: one transaction in which the idempotency key is claimed
// together with the cart read under a lock, and the order is written with everything that goes with it.
// Each call is one round trip; the adapter keeps the statements the checkout bench measures.
import type { Address, OrderStatusName } from "@emporium/contracts";
import type { OutboxMessage } from "@emporium/messaging";
import type { Totals } from "../domain/checkout";
import type { SagaOrder, WriteSagaStep } from "./saga-store";

export interface StoredKey {
  scope: string;
  requestHash: string;
  orderId: string | null;
  orderNumber: string | null;
  orderStatus: OrderStatusName | null;
}

export interface CheckoutCart {
  id: string;
  currency: string;
  convertedOrderId: string | null;
  /** An order placed from this cart that awaits another card (see domain/saga.ts). */
  heldOrderId: string | null;
  expired: boolean;
  lines: { variantId: string; sku: string; title: string; quantity: number; unitPrice: number }[];
}

export interface KeyClaim {
  key: string;
  scope: string;
  requestHash: string;
  expiresAt: Date;
  cartId: string;
  now: Date;
}

export interface NewOrder {
  id: string;
  number: string;
  customerId: string | null;
  email: string;
  currency: string;
  totals: Totals;
  shippingMethod: string;
  shippingAddress: Address;
  paymentToken: string;
  lines: { id: string; variantId: string; sku: string; title: string; quantity: number; unitPrice: number }[];
  timelineId: string;
  cartId: string;
  idempotencyKey: string;
  /** The saga's first facts (an order from the storefront's checkout is held for another card). */
  saga: object;
}

/** The statements of one checkout transaction. */
export interface CheckoutSession {
  /**
   * Claims the idempotency key for this request (false when it exists already — a replay or a clash),
   * and reads the cart with its lines (oldest first) under a row lock against a concurrent checkout;
   * the cart is null when it does not exist.
   */
  claimKeyAndLockCart(claim: KeyClaim): Promise<{ claimed: boolean; cart: CheckoutCart | null }>;
  /** A key already claimed, with the order it produced (if that order exists yet). */
  findIdempotencyKey(key: string): Promise<StoredKey | null>;
  /**
   * The PENDING order with its lines and first timeline entry, the cart converted, the key answered
   * and the order's first messages in the outbox, together.
   */
  insertOrder(order: NewOrder, messages: readonly OutboxMessage[]): Promise<void>;
  /** The order placed from this cart that awaits another card, locked; null when there is none. */
  lockHeldOrder(cartId: string): Promise<SagaOrder | null>;
  /** Writes a saga step of the held order (under its lock). */
  writeSagaStep: WriteSagaStep;
  /** The held order is being paid again: the cart converted to it, the key answered with it. */
  resumeOrder(resumed: { orderId: string; cartId: string; idempotencyKey: string }): Promise<void>;
}

export interface CheckoutStore {
  /** Runs `fn` in one transaction, committed when it resolves and rolled back when it throws. */
  transaction<T>(fn: (tx: CheckoutSession) => Promise<T>): Promise<T>;
  /** Whether `err` is the store refusing a second row with the same unique key (a lost race). */
  isDuplicate(err: unknown): boolean;
}
