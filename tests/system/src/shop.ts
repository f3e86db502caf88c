// Shopping the way the storefront does: a card tokenised at the provider, lines in a cart, an order
// placed with an idempotency key — all over HTTP against the running stack.
import { randomUUID } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { waitFor } from "@emporium/testkit";
import type { Stack } from "./stack";

export const CARDS = {
  approve: "4242424242424242",
  decline: "4000000000000002",
  insufficientFunds: "4000000000009995",
} as const;

export async function tokenize(pspUrl: string, number: string): Promise<string> {
  const res = await fetch(`${pspUrl}/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      number,
      expMonth: 12,
      expYear: new Date().getFullYear() + 2,
      cvc: "123",
      name: "Test Shopper",
    }),
  });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) throw new Error(`tokenising failed: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

export interface StockedVariant {
  id: string;
  sku: string;
}

/** Variants in stock, straight from the stack's database. */
export async function stockedVariants(stack: Stack, count: number): Promise<StockedVariant[]> {
  const rows = await stack.db.prisma.variant.findMany({
    where: { available: { gt: 20 }, product: { status: "PUBLISHED" } },
    select: { id: true, sku: true },
    orderBy: { sku: "asc" },
    take: count,
  });
  if (rows.length < count) throw new Error(`only ${rows.length} well-stocked variants`);
  return rows;
}

/** Gives a variant exactly `units` in one location (inventory) and tells the catalog (read model). */
export async function setStock(stack: Stack, variantId: string, units: number): Promise<void> {
  const levels = await stack.db.prisma.stockLevel.findMany({
    where: { variantId },
    orderBy: { locationId: "asc" },
  });
  await stack.db.prisma.$transaction([
    ...levels.map((l, i) =>
      stack.db.prisma.stockLevel.update({
        where: { locationId_variantId: { locationId: l.locationId, variantId } },
        data: { onHand: i === 0 ? units : 0, available: i === 0 ? units : 0, reserved: 0 },
      }),
    ),
    stack.db.prisma.variant.update({ where: { id: variantId }, data: { available: units } }),
  ]);
}

export const ADDRESS = {
  name: "Test Shopper",
  line1: "1 Test Street",
  city: "Berlin",
  postalCode: "10115",
  country: "DE",
};

export interface Placed {
  orderId: string;
  number: string;
  accessToken: string;
}

export async function buy(
  stack: Stack,
  lines: { variantId: string; quantity: number }[],
  paymentToken: string,
  email = `shopper-${randomUUID().slice(0, 8)}@example.com`,
): Promise<Placed> {
  let cartToken: string | undefined;
  for (const line of lines)
    cartToken = (await stack.orders.cart.addLine.mutate({ ...(cartToken ? { cartToken } : {}), ...line }))
      .token;
  if (!cartToken) throw new Error("no lines");
  const placed = await stack.orders.checkout.placeOrder.mutate({
    cartToken,
    email,
    shippingAddress: ADDRESS,
    shippingMethod: "standard",
    paymentToken,
    idempotencyKey: `sys_${randomUUID().replace(/-/g, "")}`,
  });
  return { orderId: placed.orderId, number: placed.number, accessToken: placed.accessToken };
}

/** Runs `count` jobs with at most `concurrency` at a time; collects results and errors. */
export async function pool<T>(
  count: number,
  concurrency: number,
  job: (i: number) => Promise<T>,
): Promise<(T | Error)[]> {
  const results: (T | Error)[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        try {
          results[i] = await job(i);
        } catch (err) {
          results[i] = err instanceof Error ? err : new Error(String(err));
        }
      }
    }),
  );
  return results;
}

export function isTrpcError(err: unknown): err is TRPCClientError<never> {
  return err instanceof TRPCClientError;
}

export async function statusCounts(
  stack: Stack,
  orderIds: readonly string[],
): Promise<Record<string, number>> {
  const rows = await stack.db.prisma.order.groupBy({
    by: ["status"],
    where: { id: { in: [...orderIds] } },
    _count: true,
  });
  return Object.fromEntries(rows.map((r) => [r.status, r._count]));
}

/** Waits until every order is DELIVERED or CANCELLED. */
export async function waitTerminal(
  stack: Stack,
  orderIds: readonly string[],
  timeoutMs = 240_000,
): Promise<Record<string, number>> {
  await waitFor(
    async () => {
      const open = await stack.db.prisma.order.count({
        where: { id: { in: [...orderIds] }, status: { notIn: ["DELIVERED", "CANCELLED"] } },
      });
      return open === 0;
    },
    { timeoutMs, intervalMs: 500, what: `${orderIds.length} orders to reach a terminal state` },
  ).catch(async (err: unknown) => {
    const counts = await statusCounts(stack, orderIds);
    throw new Error(
      `${err instanceof Error ? err.message : String(err)}; statuses: ${JSON.stringify(counts)}\n${stack.logs()}`,
    );
  });
  return statusCounts(stack, orderIds);
}

export async function pspStats(pspUrl: string): Promise<unknown> {
  const res = await fetch(`${pspUrl}/_stats`);
  return res.json();
}

export interface ReferenceStats {
  authorizations: number;
  captures: number;
  refunds: number;
  voids: number;
  replays: number;
}

/** The provider's own count of what it did per order (reference = order id). */
export async function providerStats(pspUrl: string): Promise<Map<string, ReferenceStats>> {
  const res = await fetch(`${pspUrl}/_stats`);
  const body = (await res.json()) as { references?: Record<string, ReferenceStats> };
  return new Map(Object.entries(body.references ?? {}));
}

export async function setProviderFaults(
  pspUrl: string,
  control: { latencyMs: number; failureRate: number },
): Promise<void> {
  const res = await fetch(`${pspUrl}/_control`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(control),
  });
  if (!res.ok) throw new Error(`PSP control refused: ${res.status} ${await res.text()}`);
}
