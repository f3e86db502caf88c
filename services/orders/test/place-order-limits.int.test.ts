// Placing orders is limited per cart and per address: a card-testing script that tries card after card
// on one cart, or cart after cart from one network, is refused with 429 and a message saying what was
// limited and when to try again — through the procedure, over HTTP with Retry-After, and with the counts
// shared by every replica through Redis. Other carts and addresses are still served.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { embeddedTestDatabase } from "@emporium/db/testing";
import { createServiceMetrics } from "@emporium/observability";
import { RedisRateLimiter } from "@emporium/service-kit/limits";
import { refusal, requestAs } from "@emporium/service-kit/testing";
import { ANONYMOUS } from "@emporium/auth";
import { realServer, waitFor } from "@emporium/testkit";
import { ordersRouter } from "../src/api/router/_app";
import { createCallerFactory } from "../src/api/trpc";
import { ordersLimitsOf, placeOrderLimitsEnvShape } from "../src/env";
import { createOrdersLimits, createOrdersService } from "../src/service";
import { rateLimitEnvShape } from "@emporium/service-kit/limits";
import {
  address,
  createOrdersFixture,
  idempotencyKey as key,
  log,
  ordersLimits,
  type OrdersFixture,
} from "./fixture";

const redis = realServer("TEST_REDIS_URL", "orders' placeOrder limits shared through Redis");
const createCaller = createCallerFactory(ordersRouter);

const PER_CART = "Too many attempts to place an order with this cart; try again in 1 minute";
const PER_IP = "Too many orders placed from your network; try again in 1 minute";

/** A cart holding one unit of a new variant, made through `f`'s procedures. */
async function cart(f: OrdersFixture): Promise<string> {
  const v = f.catalog.add(1500, 100);
  return (await f.caller.cart.addLine({ variantId: v.id, quantity: 1 })).token;
}

const order = (cartToken: string, idempotencyKey = key()) => ({
  cartToken,
  email: "shopper@example.com",
  shippingAddress: address,
  shippingMethod: "standard" as const,
  paymentToken: "tok_abcdefgh12345678",
  idempotencyKey,
});

describe("placeOrder per cart", () => {
  let f: OrdersFixture;
  beforeAll(async () => {
    f = await createOrdersFixture(embeddedTestDatabase(), { limits: ordersLimits({ placeOrderPerCart: 3 }) });
  });
  afterAll(() => f?.dispose());

  it("refuses a cart's 4th attempt in the window, and serves another cart", async () => {
    const token = await cart(f);
    const first = order(token);
    expect(await f.caller.checkout.placeOrder(first)).toMatchObject({ status: "PENDING", replayed: false });
    // Repeats of one attempt (same key: retries, double clicks) replay it and are not counted — the
    // shopper retrying her own order is never told to wait, and a repeat can never try another card.
    for (let n = 0; n < 10; n++)
      expect(await f.caller.checkout.placeOrder(first)).toMatchObject({ replayed: true });
    // The same key with another card is not a way round the limit either: it is a different request.
    await refusal(
      f.caller.checkout.placeOrder({ ...first, paymentToken: "tok_zyxwvuts87654321" }),
      "CONFLICT",
    );
    // New attempts on the cart (new keys) are counted: the 2nd and 3rd pass, the 4th is refused.
    for (let n = 0; n < 2; n++) await refusal(f.caller.checkout.placeOrder(order(token)), "BAD_REQUEST"); // already checked out
    const limited = await refusal(f.caller.checkout.placeOrder(order(token)), "TOO_MANY_REQUESTS");
    expect(limited.message).toBe(PER_CART);
    expect(limited.cause).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(await f.caller.checkout.placeOrder(order(await cart(f)))).toMatchObject({ status: "PENDING" });
  });
});

describe("placeOrder per address", () => {
  let f: OrdersFixture;
  beforeAll(async () => {
    f = await createOrdersFixture(embeddedTestDatabase(), { limits: ordersLimits({ placeOrderPerIp: 3 }) });
  });
  afterAll(async () => {
    await f?.service.server.close(0);
    await f?.dispose();
  });

  it("refuses an address's 4th attempt whichever carts it uses, forged ones included", async () => {
    const from = (ip: string) => f.callerFrom(ip).checkout;
    expect(await from("203.0.113.20").placeOrder(order(await cart(f)))).toMatchObject({ status: "PENDING" });
    await refusal(from("203.0.113.20").placeOrder(order("forged-cart-token-0000")), "BAD_REQUEST");
    expect(await from("203.0.113.20").placeOrder(order(await cart(f)))).toMatchObject({ status: "PENDING" });
    const limited = await refusal(from("203.0.113.20").placeOrder(order(await cart(f))), "TOO_MANY_REQUESTS");
    expect(limited.message).toBe(PER_IP);
    expect(await from("198.51.100.30").placeOrder(order(await cart(f)))).toMatchObject({ status: "PENDING" });
  });

  it("answers 429 with Retry-After over HTTP, counting the address the app names", async () => {
    await f.service.server.listen(0, "127.0.0.1");
    const placeOrder = async (clientIp: string) =>
      fetch(`${f.service.server.origin()}/trpc/checkout.placeOrder`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-emporium-client-ip": clientIp },
        body: JSON.stringify(order(await cart(f))),
      });
    for (let n = 0; n < 3; n++) expect((await placeOrder("203.0.113.21")).status).toBe(200);
    const res = await placeOrder("203.0.113.21");
    expect(res.status).toBe(429);
    const wait = Number(res.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(PER_IP);
    expect((await placeOrder("198.51.100.31")).status).toBe(200);
  });
});

describe.runIf(redis.available)("placeOrder limits shared through Redis", () => {
  let f: OrdersFixture;
  const replicas: ReturnType<typeof createOrdersLimits>[] = [];

  beforeAll(async () => {
    f = await createOrdersFixture(embeddedTestDatabase());
    // Two replicas' limits, configured as main.ts configures them: 2 attempts per cart here.
    const env = z
      .object({ ...rateLimitEnvShape, ...placeOrderLimitsEnvShape })
      .parse({ REDIS_URL: redis.url, PLACE_ORDER_PER_CART_ATTEMPTS: "2" });
    for (let n = 0; n < 2; n++) replicas.push(createOrdersLimits(ordersLimitsOf(env), log));
    await waitFor(
      () =>
        replicas.every((r) => r.placeOrderPerCart instanceof RedisRateLimiter && r.placeOrderPerCart.shared),
      { what: "the replicas' Redis connections" },
    );
  });
  afterAll(async () => {
    for (const r of replicas) await r.close();
    await f?.dispose();
  });

  it("counts a cart's attempts on every replica together", async () => {
    const services = replicas.map((limits) =>
      createOrdersService({
        db: f.db,
        events: f.events,
        commands: f.commands,
        log,
        metrics: createServiceMetrics("orders-test"),
        variants: f.catalog,
        // The fixture's signing secret, so both replicas accept its carts.
        secret: f.service.base.secret,
        tokenKey: new Uint8Array(randomBytes(32)),
        limits,
      }),
    );
    const callers = services.map((s) =>
      createCaller({ ...s.base, ...requestAs(ANONYMOUS), idempotencyKey: undefined }),
    );
    const token = await cart(f);
    const first = order(token);
    expect(await callers[0]?.checkout.placeOrder(first)).toMatchObject({ status: "PENDING" });
    // A repeat on the other replica is known there as a repeat (the keys are shared too): not counted.
    expect(await callers[1]?.checkout.placeOrder(first)).toMatchObject({ replayed: true });
    // A second attempt (new key) on replica 1 is the cart's 2nd; a third on either replica is refused.
    const [, second] = callers;
    if (!second) throw new Error("two replicas");
    await refusal(second.checkout.placeOrder(order(token)), "BAD_REQUEST"); // already checked out
    for (const caller of callers)
      expect((await refusal(caller.checkout.placeOrder(order(token)), "TOO_MANY_REQUESTS")).message).toBe(
        PER_CART,
      );
    expect(await callers[1]?.checkout.placeOrder(order(await cart(f)))).toMatchObject({ status: "PENDING" });
  });
});
