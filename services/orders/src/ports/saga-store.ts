// What the saga's steps need from storage. An event's step reads the order (no lock), decides, and
// writes everything it decided in one write that applies only if the order is still the version it
// read; a staff action (cancel, refund) does the same inside one transaction under the order's row
// lock, together with the refund's idempotency key.
import type { Address, OrderStatusName } from "@emporium/contracts";
import type { OutboxMessage } from "@emporium/messaging";
import type { OrderFields } from "../domain/order";

export interface SagaOrder extends Pick<
  OrderFields,
  "id" | "number" | "email" | "status" | "cancelReason" | "currency" | "total"
> {
  shippingMethod: string;
  shippingAddress: Address;
  paymentToken: string | null;
  /** The saga's facts as stored (validated by the caller). */
  saga: unknown;
  lines: { variantId: string; sku: string; title: string; quantity: number; unitPrice: number }[];
  /** The row version the order was read at: a write applies only to this version. */
  version: string;
  /** The message being answered was answered already (always false without a message id). */
  answered: boolean;
  /** When the order was placed (and its reserve command sent), in ms since the epoch. */
  placedAtMs: number;
}

export interface SagaStep {
  orderId: string;
  /** The version the decision was made on. */
  version: string;
  /** The message answered, recorded with the step so a redelivery changes nothing (null for staff). */
  messageId: string | null;
  status: OrderStatusName;
  facts: object;
  cancelReason: string | null;
  /** The payment token is dropped once the authorization has been asked for. */
  dropPaymentToken: boolean;
  shipment?: { carrier: string; trackingNumber: string } | undefined;
  /** The cart an order now awaiting another card was placed from: open for checkout again. */
  reopenCartId?: string | undefined;
  timeline: { id: string; status: OrderStatusName; code: string; message: string }[];
  messages: readonly OutboxMessage[];
}

/** Writes a step: false when the order is no longer at `step.version` (read again). */
export type WriteSagaStep = (step: SagaStep) => Promise<boolean>;

/** The statements of one staff action's transaction. */
export interface StaffActionSession {
  /** Locks the order's row for the rest of the transaction; false when there is no such order. */
  lockOrderRow(orderId: string): Promise<boolean>;
  /** A key already claimed (any scope). */
  findKey(key: string): Promise<{ scope: string; requestHash: string } | null>;
  /** Claims a staff refund's idempotency key for the order. */
  claimRefundKey(claim: {
    key: string;
    requestHash: string;
    orderId: string;
    expiresAt: Date;
  }): Promise<void>;
  /** The order with its lines, locked for the rest of the transaction; null when there is none. */
  lockSagaOrder(orderId: string): Promise<SagaOrder | null>;
  writeSagaStep: WriteSagaStep;
}

export interface SagaStore {
  /** The order with its lines as it is now, and whether `messageId` was answered; null when there is none. */
  readSagaOrder(orderId: string, messageId: string | null): Promise<SagaOrder | null>;
  writeSagaStep: WriteSagaStep;
  /** Runs `fn` in one transaction, committed when it resolves and rolled back when it throws. */
  transaction<T>(fn: (tx: StaffActionSession) => Promise<T>): Promise<T>;
  /** Whether `err` is the store refusing a second row with the same unique key (a lost race). */
  isDuplicate(err: unknown): boolean;
}
