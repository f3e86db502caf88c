// The backends as the admin's browser tests reach them: orders placed through the orders API as the
// storefront places them, card tokens from the payment provider, and staff tokens signed the way the
// admin signs them.
import { randomUUID } from "node:crypto";
import { expect, inject } from "vitest";
import { TRPCClientError } from "@trpc/client";
import { signServiceToken, tokenKey, type StaffRole } from "@emporium/auth";
import type { Address } from "@emporium/contracts";
import { createCatalogClient } from "@emporium/catalog/client";
import { createInventoryClient } from "@emporium/inventory/client";
import { createOrdersClient } from "@emporium/orders/client";

/** An Authorization header for a staff member of `role` (a fresh user id each time). */
export async function staffAuthorization(role: StaffRole): Promise<string> {
  const key = tokenKey(inject("serviceTokenSecret"));
  const claims = { kind: "staff", userId: randomUUID(), email: `${role}@emporium.local`, role } as const;
  return `Bearer ${await signServiceToken(claims, key)}`;
}

/** The orders API as a staff member of `role`. */
export function staffOrders(role: StaffRole) {
  return createOrdersClient({
    url: inject("ordersUrl"),
    headers: async () => ({ authorization: await staffAuthorization(role) }),
  });
}

/** The inventory's staff API as a staff member of `role`. */
export function staffInventory(role: StaffRole) {
  return createInventoryClient({
    url: inject("inventoryUrl"),
    headers: async () => ({ authorization: await staffAuthorization(role) }),
  }).admin;
}

/** A token from the payment provider for a card that pays, in `name`. */
export async function cardToken(name: string): Promise<string> {
  const response = await fetch(`${inject("pspUrl")}/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      number: "4242424242424242",
      expMonth: 12,
      expYear: new Date().getFullYear() + 3,
      cvc: "123",
      name,
    }),
  });
  return ((await response.json()) as { token: string }).token;
}

export const LONDON: Address = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};

/** A seeded variant with stock to spare for `quantity` units. */
async function variantWithStock(quantity: number): Promise<string> {
  const catalog = createCatalogClient({ url: inject("catalogUrl") });
  const list = await catalog.product.list.query({ limit: 20, sort: "newest" });
  for (const card of list.items) {
    const product = await catalog.product.bySlug.query({ slug: card.slug });
    const variantId = product.variants.find((v) => v.available >= Math.max(2, quantity + 1))?.id;
    if (variantId) return variantId;
  }
  throw new Error("no seeded variant has stock");
}

/**
 * Waits until checkout takes payments again, as the storefront's review step tells the shopper: after
 * an outage the payment worker's breaker reopens its way to the provider only after its reset time.
 */
export async function untilPaymentsAvailable(): Promise<void> {
  const orders = createOrdersClient({ url: inject("ordersUrl") });
  const cart = await orders.cart.addLine.mutate({ variantId: await variantWithStock(1), quantity: 1 });
  await expect
    .poll(
      async () =>
        (await orders.checkout.summary.query({ cartToken: cart.token, shippingMethod: "standard" })).payments,
      { timeout: 60_000, interval: 500 },
    )
    .toMatchObject({ available: true });
}

/**
 * An order placed with a card that pays: a card token from the provider, a cart and checkout; of
 * `quantity` units (1 unless told) of a seeded variant with stock to spare.
 */
export async function placeOrder(email: string, shippingAddress: Address = LONDON, quantity = 1) {
  const orders = createOrdersClient({ url: inject("ordersUrl") });
  const variantId = await variantWithStock(quantity);
  const token = await cardToken(shippingAddress.name);
  const cart = await orders.cart.addLine.mutate({ variantId, quantity });
  const input = {
    cartToken: cart.token,
    email,
    shippingAddress,
    shippingMethod: "standard" as const,
    paymentToken: token,
    idempotencyKey: `e2e_${randomUUID().replace(/-/g, "")}`,
  };
  // Every spec places its orders from this one address, and the orders service limits placeOrder per
  // address (PLACE_ORDER_PER_IP, 30 a minute): past it, wait as long as the refusal says and try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await orders.checkout.placeOrder.mutate(input);
    } catch (err) {
      const wait = retryAfterSeconds(err);
      if (wait === null || attempt >= 4) throw err;
      await new Promise((resolve) => setTimeout(resolve, (wait + 1) * 1000));
    }
  }
}

/** The seconds a TOO_MANY_REQUESTS refusal says to wait, or null for any other error. */
function retryAfterSeconds(err: unknown): number | null {
  if (!(err instanceof TRPCClientError)) return null;
  const data: unknown = err.data;
  if (typeof data !== "object" || data === null) return null;
  const { code, retryAfterSeconds: seconds } = data as { code?: unknown; retryAfterSeconds?: unknown };
  return code === "TOO_MANY_REQUESTS" && typeof seconds === "number" ? seconds : null;
}

/** A paid order: placed, and the saga run to shipped. */
export async function placePaidOrder(email: string, shippingAddress: Address = LONDON, quantity = 1) {
  const orders = createOrdersClient({ url: inject("ordersUrl") });
  const placed = await placeOrder(email, shippingAddress, quantity);
  await expect
    .poll(
      async () =>
        (await orders.order.get.query({ orderId: placed.orderId, accessToken: placed.accessToken })).status,
      { timeout: 60_000, interval: 250 },
    )
    .toMatch(/^(SHIPPED|DELIVERED)$/);
  return placed;
}
