"use server";
// Checkout's server actions. The browser sends the details and a payment token (never a card
// number); the cart token is read from its httpOnly cookie here and goes only to the orders service.
import { redirect } from "next/navigation";
import { z } from "zod";
import { toClientCart } from "@/cart/client-cart";
import { backendFault } from "@emporium/runtime/app-logging";
import { classifyOrdersError } from "@/orders/errors";
import { currentShopper, ordersAs } from "@/auth/session";
import { orders } from "@/orders/server";
import { PLACED_PARAM } from "@/order/thank-you";
import { serverLog } from "@/server-log";
import { orderPath } from "@/session/cookies";
import { clearCartToken, readCartToken, writeOrderToken } from "@/session/server";
import { IDEMPOTENCY_KEY } from "./attempt";
import { checkoutProblem } from "./problems";
import { progressSchema } from "./progress";
import { clearCheckoutProgress, writeCheckoutProgress } from "./progress-server";
import { SHIPPING_METHOD_IDS, type PlaceOrderResult, type ReviewResult } from "./summary";

const NO_CART: ReviewResult & PlaceOrderResult = {
  ok: false,
  problem: { kind: "cart", message: "Your cart has expired or is empty; add your items again" },
};

const shippingMethod = z.enum(SHIPPING_METHOD_IDS);
const text = (max: number) => z.string().trim().max(max);

// The shape only; the orders service judges the values and names any field it refuses.
const placeOrderInput = z.strictObject({
  email: text(254),
  address: z.strictObject({
    name: text(120),
    line1: text(200),
    line2: text(200).optional(),
    city: text(120),
    region: text(120).optional(),
    postalCode: text(20),
    country: text(2),
    phone: text(40).optional(),
  }),
  shippingMethod,
  paymentToken: text(100),
  idempotencyKey: z.string().regex(IDEMPOTENCY_KEY),
});

export type PlaceOrderInput = z.infer<typeof placeOrderInput>;

/** Keeps where the shopper is in checkout (never her card), so a reload or a second tab resumes there. */
export async function saveCheckoutProgress(progress: unknown): Promise<void> {
  const parsed = progressSchema.safeParse(progress);
  if (parsed.success) await writeCheckoutProgress(parsed.data);
}

export async function reviewCheckout(method: string): Promise<ReviewResult> {
  const parsed = shippingMethod.safeParse(method);
  if (!parsed.success)
    return { ok: false, problem: { kind: "shipping", message: "Choose a shipping method" } };
  const cartToken = await readCartToken();
  if (!cartToken) return NO_CART;
  try {
    const { cart, ...totals } = await orders.checkout.summary.query({
      cartToken,
      shippingMethod: parsed.data,
    });
    return { ok: true, summary: { cart: toClientCart(cart), ...totals } };
  } catch (error) {
    if (backendFault(error)) serverLog().warn({ err: error }, "checkout: the orders service gave no summary");
    return { ok: false, problem: checkoutProblem(classifyOrdersError(error)) };
  }
}

/** How long placing waits for the card's answer before showing the order page (which follows it live). */
const PAYMENT_ANSWER_WAIT_MS = 20_000;
const PAYMENT_POLL_MS = 250;

type PaymentAnswer = { kind: "settled" } | { kind: "refused"; reason: string } | { kind: "waiting" };

/** Follows the order until its card is answered (or the wait is over). */
async function paymentAnswer(orderId: string, accessToken: string): Promise<PaymentAnswer> {
  const deadline = Date.now() + PAYMENT_ANSWER_WAIT_MS;
  for (;;) {
    try {
      const order = await orders.order.get.query({ orderId, accessToken });
      if (order.awaitingPayment) return { kind: "refused", reason: order.awaitingPayment };
      if (order.status !== "PENDING") return { kind: "settled" };
    } catch {
      // Not readable for a moment: the order page will follow it.
      return { kind: "waiting" };
    }
    if (Date.now() >= deadline) return { kind: "waiting" };
    await new Promise((resolve) => setTimeout(resolve, PAYMENT_POLL_MS));
  }
}

/**
 * Places the order, waits for its card's answer and redirects to its page; returns only when the order
 * was not placed or its card was refused. A refused card leaves the order waiting for another one with
 * the items held and the cart open again (the orders service's holdOnDecline): the cart cookie stays, and
 * placing again from the same cart pays that same order.
 */
export async function placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const parsed = placeOrderInput.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      problem: { kind: "retry", message: "Some details were not sent correctly; please try again" },
    };
  const cartToken = await readCartToken();
  if (!cartToken) return NO_CART;
  const { address, ...rest } = parsed.data;
  let placed;
  try {
    // Signed in, the order goes to the shopper's account (their order history); otherwise it is a guest's.
    const shopper = await currentShopper();
    placed = await (shopper ? ordersAs(shopper) : orders).checkout.placeOrder.mutate({
      cartToken,
      email: rest.email,
      shippingAddress: address,
      shippingMethod: rest.shippingMethod,
      paymentToken: rest.paymentToken,
      idempotencyKey: rest.idempotencyKey,
      holdOnDecline: true,
    });
  } catch (error) {
    // The shopper is told to try again; the operator needs to know that checkout is failing.
    if (backendFault(error)) serverLog().error({ err: error }, "checkout: placing an order failed");
    const problem = checkoutProblem(classifyOrdersError(error));
    // A cart that was already turned into an order (or expired) is of no further use.
    if (problem.kind === "cart") await clearCartToken();
    return { ok: false, problem };
  }
  // The token opens this order's page on this device.
  await writeOrderToken(placed.orderId, placed.accessToken);
  const answer = await paymentAnswer(placed.orderId, placed.accessToken);
  if (answer.kind === "refused")
    return {
      ok: false,
      problem: {
        kind: "payment",
        field: null,
        message: `${/[.!?]$/.test(answer.reason) ? answer.reason : `${answer.reason}.`} Your items are held — try another card.`,
      },
    };
  // The cart became the order; the next checkout starts afresh.
  await clearCartToken();
  await clearCheckoutProgress();
  // The order page opens as the thank-you page.
  redirect(`${orderPath(placed.orderId)}?${PLACED_PARAM}=1`);
}
