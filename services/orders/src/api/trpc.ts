// tRPC for the orders service, from the shared service kit: its context (the storage ports the use cases
// and read models need, carts, live order changes, payment availability, the rate limits, the caller's
// Idempotency-Key)
// on top of what every request carries. Subscriptions stream over server-sent events.
import { createServiceTrpc, type ServiceContext } from "@emporium/service-kit";
import type { CommandBus, OutboxMessage } from "@emporium/messaging";
import type { CartService } from "../app/cart-service";
import type { OrderMetrics } from "../app/order-metrics";
import type { PaymentAvailability } from "../app/payment-availability";
import type { AddressBook } from "../ports/address-book";
import type { BackOfficeReadModel } from "../ports/back-office-read-model";
import type { CartStore } from "../ports/cart-store";
import type { CheckoutStore } from "../ports/checkout-store";
import type { OrdersLimits } from "../ports/limits";
import type { OrderChangeFeed } from "../ports/order-changes";
import type { OrderReadModel } from "../ports/order-read-model";
import type { SagaStore } from "../ports/saga-store";
import type { UnfinishedOrders } from "../ports/unfinished-orders";

export interface OrdersContext extends ServiceContext {
  checkout: CheckoutStore;
  /** Staff actions enter the saga through its store. */
  saga: SagaStore;
  orders: OrderReadModel;
  backOffice: BackOfficeReadModel;
  addresses: AddressBook;
  /** The carts' storage, for a sign-in's claim; everything else about carts goes through `carts`. */
  cartStore: CartStore;
  carts: CartService;
  secret: Buffer;
  changes: OrderChangeFeed;
  payments: PaymentAvailability;
  /** Orders placed, confirmed, cancelled and delivered, and the saga's latencies. */
  orderMetrics: OrderMetrics;
  reservationTtlMs: number;
  /** The operations console's stuck orders: unfinished ones, oldest first. */
  unfinished: UnfinishedOrders;
  /** An unfinished order placed longer ago than this is stuck (staff may send its step again). */
  stuckAfterMs: number;
  /** placeOrder per cart and per address, and changes per staff member. */
  limits: OrdersLimits;
  /** The command bus, for the operations console's dead letters. */
  commands: CommandBus;
  /** Writes a staff action's audit event to the orders outbox (one that changes no order row). */
  recordAudit(message: OutboxMessage): Promise<void>;
  /** The Idempotency-Key header, when the caller sent one. */
  idempotencyKey: string | undefined;
}

export const { router, publicProcedure, staffProcedure, createCallerFactory } =
  createServiceTrpc<OrdersContext>({ service: "orders", displayName: "The orders service" });
