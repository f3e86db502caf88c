// tRPC for the orders service, from the shared service kit: its context (database, carts, live order
// changes, payment availability, the caller's Idempotency-Key) on top of what every request carries.
// Subscriptions stream over server-sent events.
import type { Database } from "@emporium/db";
import { createServiceTrpc, type ServiceContext } from "@emporium/service-kit";
import type { CartService } from "../app/cart-service";
import type { OrderChanges } from "../adapters/sql/order-changes";
import type { PaymentAvailability } from "../app/payment-availability";
import type { BackOfficeReadModel } from "../ports/back-office-read-model";
import type { CheckoutStore } from "../ports/checkout-store";
import type { OrderReadModel } from "../ports/order-read-model";
import type { SagaStore } from "../ports/saga-store";

export interface OrdersContext extends ServiceContext {
  db: Database;
  checkout: CheckoutStore;
  saga: SagaStore;
  orders: OrderReadModel;
  backOffice: BackOfficeReadModel;
  carts: CartService;
  secret: Buffer;
  changes: OrderChanges;
  payments: PaymentAvailability;
  reservationTtlMs: number;
  /** The Idempotency-Key header, when the caller sent one. */
  idempotencyKey: string | undefined;
}

export const { router, publicProcedure, staffProcedure, createCallerFactory } =
  createServiceTrpc<OrdersContext>({ displayName: "The orders service" });
