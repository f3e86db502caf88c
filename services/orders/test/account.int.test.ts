// A signed-in shopper's account through the orders procedures, on PGlite and PostgreSQL: orders placed
// while signed in land in their history, addresses are kept in their book, the guest cart joins theirs
// on sign-in — and one shopper can never read or change another's orders or addresses.
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@emporium/auth";
import { testDatabaseTargets } from "@emporium/db/testing";
import {
  createOrdersFixture,
  scriptWorkers,
  type OrdersFixture,
  address,
  idempotencyKey as key,
} from "./fixture";

const ada: Principal = { kind: "shopper", userId: randomUUID(), email: "ada@example.com" };
const grace: Principal = { kind: "shopper", userId: randomUUID(), email: "grace@example.com" };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(TRPCError);
    return (err as TRPCError).code;
  }
  return "OK";
}

describe.each(testDatabaseTargets("orders accounts"))("shopper accounts on $name", (target) => {
  let f: OrdersFixture;
  const stock = new Map<string, number>();

  beforeAll(async () => {
    f = await createOrdersFixture(target);
    await scriptWorkers(f.events, f.commands, stock).start();
  });
  afterAll(() => f?.dispose());

  async function guestCart(...lines: { variantId?: string; quantity: number }[]) {
    let token: string | undefined;
    for (const l of lines) {
      const variantId = l.variantId ?? f.catalog.add(1500, 50).id;
      stock.set(variantId, 50);
      token = (
        await f.caller.cart.addLine({
          ...(token ? { cartToken: token } : {}),
          variantId,
          quantity: l.quantity,
        })
      ).token;
    }
    return token ?? "";
  }

  async function placeAs(principal: Principal | null, email: string) {
    const cartToken = await guestCart({ quantity: 1 });
    const caller = principal ? f.callerAs(principal) : f.caller;
    return caller.checkout.placeOrder({
      cartToken,
      email,
      shippingAddress: address,
      shippingMethod: "standard",
      paymentToken: "tok_abcdefgh12345678",
      idempotencyKey: key(),
    });
  }

  it("keeps orders placed while signed in in that shopper's history only", async () => {
    const mine = await placeAs(ada, "ada@example.com");
    await placeAs(grace, "grace@example.com");
    await placeAs(null, "ada@example.com"); // a guest order with the same email is not theirs
    const history = await f.callerAs(ada).account.orders.list({});
    expect(history.items.map((o) => o.number)).toEqual([mine.number]);
    expect(history).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(history.items[0]).toMatchObject({ itemCount: 1, orderId: mine.orderId });
    // The access token opens the live order page.
    const view = await f.caller.order.get({
      orderId: mine.orderId,
      accessToken: history.items[0]?.accessToken ?? "",
    });
    expect(view.number).toBe(mine.number);
    expect((await f.callerAs(ada).account.orders.get({ number: mine.number })).id).toBe(mine.orderId);
  });

  it("never shows or changes one shopper's orders or addresses to another", async () => {
    const adas = await placeAs(ada, "ada@example.com");
    const saved = await f.callerAs(ada).account.addresses.save({ address });
    // Grace asks for Ada's order by number, lists, removes Ada's address: nothing of Ada's comes back.
    expect(await codeOf(f.callerAs(grace).account.orders.get({ number: adas.number }))).toBe("NOT_FOUND");
    expect((await f.callerAs(grace).account.orders.list({})).items.map((o) => o.number)).not.toContain(
      adas.number,
    );
    expect(await f.callerAs(grace).account.addresses.list()).toEqual([]);
    expect(await codeOf(f.callerAs(grace).account.addresses.remove({ id: saved.id }))).toBe("NOT_FOUND");
    expect((await f.callerAs(ada).account.addresses.list()).map((a) => a.id)).toEqual([saved.id]);
    // Without a signed-in caller there is no account at all.
    expect(await codeOf(f.caller.account.orders.list({}))).toBe("UNAUTHORIZED");
    expect(await codeOf(f.caller.account.addresses.list())).toBe("UNAUTHORIZED");
  });

  it("keeps an address book without duplicates, and refuses bad addresses by field", async () => {
    const shopper: Principal = { kind: "shopper", userId: randomUUID(), email: "book@example.com" };
    const first = await f.callerAs(shopper).account.addresses.save({ address });
    const again = await f.callerAs(shopper).account.addresses.save({ address });
    expect(again.id).toBe(first.id);
    await f.callerAs(shopper).account.addresses.save({ address: { ...address, line1: "1 Other Street" } });
    expect(await f.callerAs(shopper).account.addresses.list()).toHaveLength(2);
    const bad = await f
      .callerAs(shopper)
      .account.addresses.save({ address: { ...address, country: "United Kingdom" } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((bad as TRPCError).code).toBe("BAD_REQUEST");
    expect((bad as TRPCError).message).toMatch(/country/);
    await f.callerAs(shopper).account.addresses.remove({ id: first.id });
    expect((await f.callerAs(shopper).account.addresses.list()).map((a) => a.line1)).toEqual([
      "1 Other Street",
    ]);
  });

  it("merges the guest cart into the shopper's cart on sign-in", async () => {
    const shopper: Principal = { kind: "shopper", userId: randomUUID(), email: "merge@example.com" };
    const shared = f.catalog.add(900, 50).id;
    // First visit: a guest cart becomes the shopper's own.
    const first = await guestCart({ variantId: shared, quantity: 2 });
    const claimed = await f.callerAs(shopper).account.cart.claim({ cartToken: first });
    expect(claimed.cartToken).toBe(first);
    // Later, on another device, as a guest again: the lines join the shopper's cart.
    const second = await guestCart({ variantId: shared, quantity: 3 }, { quantity: 1 });
    const merged = await f.callerAs(shopper).account.cart.claim({ cartToken: second });
    expect(merged).toEqual({ cartToken: first, merged: 2 });
    const cart = await f.caller.cart.get({ cartToken: first });
    expect(cart.lines.find((l) => l.variantId === shared)?.quantity).toBe(5);
    expect(cart.lines).toHaveLength(2);
    // The spent guest cart is gone; signing in with no cart brings the shopper's back.
    expect(await codeOf(f.caller.cart.get({ cartToken: second }))).toBe("NOT_FOUND");
    expect(await f.callerAs(shopper).account.cart.claim({})).toEqual({ cartToken: first, merged: 0 });
    // Someone else's claimed cart cannot be taken over with its old token.
    const other: Principal = { kind: "shopper", userId: randomUUID(), email: "other@example.com" };
    expect(await f.callerAs(other).account.cart.claim({ cartToken: first })).toEqual({
      cartToken: null,
      merged: 0,
    });
  });
});
