// The checkout page's rules without rendering: which step opens next, when totals are asked for (and
// which answer counts), what a Continue button says, and where a refused order sends the shopper.
import { describe, expect, it } from "vitest";
import type { CardToken } from "./card";
import {
  checkoutReducer,
  continueLabel,
  initialCheckoutState,
  reviewedSummary,
  stepItems,
  UNCONFIRMED_ORDER,
  UNREACHABLE_SUMMARY,
  type CheckoutAction,
  type CheckoutState,
} from "./checkout-state";
import { EMPTY_DETAILS, type CheckoutDetails } from "./details";
import type { CheckoutSummary } from "./summary";

const details: CheckoutDetails = {
  email: "ada@example.com",
  address: {
    name: "Ada Lovelace",
    line1: "1 Main St",
    city: "Springfield",
    postalCode: "62701",
    country: "US",
  },
};
const card: CardToken = { token: "tok_abc12345", brand: "visa", last4: "4242" };
const summary: CheckoutSummary = {
  cart: {
    currency: "USD",
    lines: [],
    itemCount: 0,
    subtotal: 1000,
    expiresAt: "2026-12-25T08:26:52.960Z",
    degraded: false,
  },
  subtotal: 1000,
  shippingTotal: 500,
  taxTotal: 0,
  total: 1500,
  payments: { available: true, reason: "" },
};

const run = (actions: CheckoutAction[], from: CheckoutState = initialCheckoutState()) =>
  actions.reduce(checkoutReducer, from);

/** Details, shipping and payment finished, the review open and its totals asked for. */
const reviewing = () =>
  run([
    { type: "detailsDone", details },
    { type: "shippingDone", method: "express" },
    { type: "paymentDone", card },
  ]);

describe("checkout state", () => {
  it("starts on the details, from a signed-in shopper's values when given, without moving focus", () => {
    const fresh = initialCheckoutState();
    expect(fresh).toMatchObject({ step: "details", moved: false, values: EMPTY_DETAILS, details: null });
    const known = { ...EMPTY_DETAILS, email: "ada@example.com" };
    expect(initialCheckoutState(known).values).toBe(known);
    expect(stepItems(fresh).map((s) => s.state)).toEqual(["current", "upcoming", "upcoming", "upcoming"]);
  });

  it("keeps what is typed and its errors", () => {
    const values = { ...EMPTY_DETAILS, postalCode: "!" };
    const state = run([{ type: "detailsEdited", values, errors: { postalCode: "Enter a postal code" } }]);
    expect(state).toMatchObject({
      values,
      detailErrors: { postalCode: "Enter a postal code" },
      step: "details",
    });
  });

  it("opens each next step in turn, then the review, asking for its totals", () => {
    const afterDetails = run([{ type: "detailsDone", details }]);
    expect(afterDetails).toMatchObject({ step: "shipping", moved: true, details });
    expect(afterDetails.summaryRequest).toBeNull();
    const afterShipping = checkoutReducer(afterDetails, { type: "shippingDone", method: "express" });
    expect(afterShipping.step).toBe("payment");
    const review = checkoutReducer(afterShipping, { type: "paymentDone", card });
    expect(review).toMatchObject({ step: "review", card, summary: { status: "loading" } });
    expect(review.summaryRequest).toEqual({ id: 1, method: "express" });
    expect(stepItems(review).map((s) => s.state)).toEqual(["complete", "complete", "complete", "current"]);
  });

  it("after a change, goes straight back to the review when everything else is done", () => {
    const changing = checkoutReducer(reviewing(), { type: "opened", step: "shipping" });
    expect(changing).toMatchObject({ step: "shipping", method: "express" });
    expect(continueLabel(changing, "shipping")).toBe("Continue to review");
    const back = checkoutReducer(changing, { type: "shippingDone", method: "standard" });
    expect(back.step).toBe("review");
    expect(back.summaryRequest).toEqual({ id: 2, method: "standard" });
  });

  it("names the next unfinished step on each Continue button", () => {
    const fresh = initialCheckoutState();
    expect(continueLabel(fresh, "details")).toBe("Continue to shipping");
    expect(continueLabel(fresh, "shipping")).toBe("Continue to payment");
    expect(continueLabel(fresh, "payment")).toBe("Continue to review");
    const paid = run([{ type: "paymentDone", card }]);
    expect(continueLabel(paid, "details")).toBe("Continue to shipping");
    const shippedAndPaid = run([
      { type: "shippingDone", method: "standard" },
      { type: "paymentDone", card },
    ]);
    expect(continueLabel(shippedAndPaid, "details")).toBe("Continue to review");
  });

  it("shows only the latest totals asked for", () => {
    const first = reviewing();
    const again = checkoutReducer(first, { type: "summaryRetried" });
    expect(again.summaryRequest?.id).toBe(2);
    const stale = checkoutReducer(again, {
      type: "summaryArrived",
      requestId: 1,
      result: { ok: true, summary },
    });
    expect(stale.summary).toEqual({ status: "loading" });
    const latest = checkoutReducer(again, {
      type: "summaryArrived",
      requestId: 2,
      result: { ok: true, summary },
    });
    expect(latest.summary).toEqual({ status: "ready", summary });
    expect(reviewedSummary(latest)).toBe(summary);
    // Beside another step the estimate shows again, not the review's figures.
    expect(reviewedSummary(checkoutReducer(latest, { type: "opened", step: "payment" }))).toBeNull();
  });

  it("says so when the totals are refused or the shop cannot be reached", () => {
    const problem = { kind: "unavailable", message: "Payments are down" } as const;
    const refused = checkoutReducer(reviewing(), {
      type: "summaryArrived",
      requestId: 1,
      result: { ok: false, problem },
    });
    expect(refused.summary).toEqual({ status: "failed", problem });
    const unreachable = checkoutReducer(reviewing(), { type: "summaryArrived", requestId: 1, result: null });
    expect(unreachable.summary).toEqual(UNREACHABLE_SUMMARY);
  });

  it("asks for totals again only when a method is chosen", () => {
    const fresh = initialCheckoutState();
    expect(checkoutReducer(fresh, { type: "summaryRetried" })).toBe(fresh);
  });

  it("sends a refused order back to the step to fix, clearing that step's answer", () => {
    const detailsRefused = checkoutReducer(reviewing(), {
      type: "placeRefused",
      problem: { kind: "details", errors: { postalCode: "must be a postal code" } },
    });
    expect(detailsRefused).toMatchObject({
      step: "details",
      details: null,
      detailErrors: { postalCode: "must be a postal code" },
    });
    const shipping = checkoutReducer(reviewing(), {
      type: "placeRefused",
      problem: { kind: "shipping", message: "Express is not available" },
    });
    expect(shipping).toMatchObject({
      step: "shipping",
      method: null,
      shippingError: "Express is not available",
    });
    const payment = checkoutReducer(reviewing(), {
      type: "placeRefused",
      problem: { kind: "payment", field: null, message: "Your card details have expired" },
    });
    expect(payment).toMatchObject({
      step: "payment",
      card: null,
      cardProblem: { field: null, message: "Your card details have expired" },
    });
    // Finishing the step again clears its message and returns to the review.
    const fixed = checkoutReducer(payment, { type: "paymentDone", card });
    expect(fixed).toMatchObject({ step: "review", cardProblem: null });
  });

  it("keeps the review open with the reason when no step is to blame, and clears it on the next try", () => {
    const problem = { kind: "cart", message: "This cart was already ordered" } as const;
    const refused = checkoutReducer(reviewing(), { type: "placeRefused", problem });
    expect(refused).toMatchObject({ step: "review", problem, card, details });
    expect(checkoutReducer(refused, { type: "placing" }).problem).toBeNull();
    expect(checkoutReducer(refused, { type: "placeUnconfirmed" }).problem).toBe(UNCONFIRMED_ORDER);
    expect(checkoutReducer(refused, { type: "opened", step: "details" }).problem).toBeNull();
  });
});
