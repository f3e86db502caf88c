// The shopper's cart on the server: read for each page rendered for her (the header shows its count;
// pages a shared cache keeps leave it to the browser, through readCart) and changed by the cart actions. The cart token never leaves this module's callers; pages get a ClientCart.
// Only server code imports this module.
import { cache } from "react";
import type { CartView } from "@emporium/orders/client";
import { classifyOrdersError } from "@/orders/errors";
import { orders } from "@/orders/server";
import { clearCartToken, readCartToken, writeCartToken } from "@/session/server";
import { toClientCart, type ClientCart } from "./client-cart";

/** Pages wait at most this long for the cart before showing the header without it. */
const SNAPSHOT_TIMEOUT_MS = 3_000;

export interface CartSnapshot {
  cart: ClientCart | null;
  /** The orders service did not answer: the cart exists but cannot be shown just now. */
  unavailable: boolean;
}

export type CartResult =
  { ok: true; cart: ClientCart } | { ok: false; field: string | null; message: string };

/** The cart for this request (asked once, however many components want it). */
export const getCartSnapshot = cache(async (): Promise<CartSnapshot> => {
  const token = await readCartToken();
  if (!token) return { cart: null, unavailable: false };
  try {
    const view = await orders.cart.get.query(
      { cartToken: token },
      { signal: AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS) },
    );
    return { cart: toClientCart(view), unavailable: false };
  } catch (error) {
    const failure = classifyOrdersError(error);
    // An expired, checked-out or foreign cart is simply no cart; the next add starts a new one.
    if (failure.kind === "not-found" || failure.kind === "invalid") return { cart: null, unavailable: false };
    return { cart: null, unavailable: true };
  }
});

/** True when the service says the token no longer names a cart that can be changed. */
function isStaleCart(failure: ReturnType<typeof classifyOrdersError>): boolean {
  return failure.kind === "not-found" || (failure.kind === "invalid" && failure.field === "cartToken");
}

async function remember(view: CartView, previous: string | null): Promise<ClientCart> {
  if (view.token !== previous) await writeCartToken(view.token);
  return toClientCart(view);
}

/** Adds units of a variant, starting a new cart when there is none (or the old one is gone). */
export async function addLine(variantId: string, quantity: number): Promise<CartResult> {
  let token = await readCartToken();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const view = await orders.cart.addLine.mutate({ cartToken: token ?? undefined, variantId, quantity });
      return { ok: true, cart: await remember(view, token) };
    } catch (error) {
      const failure = classifyOrdersError(error);
      if (token && isStaleCart(failure)) {
        await clearCartToken();
        token = null;
        continue;
      }
      if (failure.kind === "invalid") {
        const held = (await getCartSnapshot()).cart?.lines.find((l) => l.variantId === variantId);
        const note =
          failure.field === "quantity" && held ? ` — you already have ${held.quantity} in your cart` : "";
        return { ok: false, field: failure.field, message: `${failure.message}${note}` };
      }
      return { ok: false, field: null, message: failure.message };
    }
  }
  return { ok: false, field: null, message: "Your cart could not be started; please try again" };
}

/** Sets a line's quantity; 0 removes the line. */
export async function setLineQuantity(variantId: string, quantity: number): Promise<CartResult> {
  const token = await readCartToken();
  if (!token) return { ok: false, field: null, message: "Your cart has expired; add the item again" };
  try {
    const view = await orders.cart.setQuantity.mutate({ cartToken: token, variantId, quantity });
    return { ok: true, cart: await remember(view, token) };
  } catch (error) {
    const failure = classifyOrdersError(error);
    if (isStaleCart(failure)) {
      await clearCartToken();
      return { ok: false, field: null, message: "Your cart has expired; add the item again" };
    }
    return {
      ok: false,
      field: failure.kind === "invalid" ? failure.field : null,
      message: failure.message,
    };
  }
}
