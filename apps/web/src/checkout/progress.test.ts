import { describe, expect, it } from "vitest";
import { progressOf, resumedCheckoutState } from "./checkout-state";
import { EMPTY_DETAILS } from "./details";
import { progressCookie, progressFrom, type CheckoutProgress } from "./progress";

const values = {
  ...EMPTY_DETAILS,
  email: "ada@example.com",
  name: "Ada Lovelace",
  line1: "1 Main St",
  city: "Springfield",
  postalCode: "62701",
};
const atPayment: CheckoutProgress = { values, method: "express", step: "payment" };

describe("checkout progress", () => {
  it("survives the cookie and brings the shopper back to the step she was on, card asked again", () => {
    const cookie = progressCookie(atPayment, { secure: true });
    expect(cookie).toMatchObject({ httpOnly: true, path: "/checkout", secure: true });
    const read = progressFrom(cookie.value);
    expect(read).toEqual(atPayment);
    const state = resumedCheckoutState({ progress: read });
    expect(state).toMatchObject({ step: "payment", method: "express", card: null, values });
    expect(state.details?.email).toBe("ada@example.com");
    expect(progressOf(state)).toEqual(atPayment);
  });

  it("never resumes past the first step without its answer", () => {
    // A card is never kept: review comes back as payment.
    expect(resumedCheckoutState({ progress: { ...atPayment, step: "review" } }).step).toBe("payment");
    // Details that no longer pass go back to the details step with what was typed.
    const state = resumedCheckoutState({ progress: { ...atPayment, values: { ...values, email: "ada@" } } });
    expect(state).toMatchObject({ step: "details", details: null, method: null });
    expect(state.values.email).toBe("ada@");
  });

  it("ignores a cookie it did not write, starting from the signed-in shopper's details", () => {
    expect(progressFrom("not base64 json")).toBeNull();
    expect(
      progressFrom(Buffer.from(JSON.stringify({ ...atPayment, card: "4242" })).toString("base64url")),
    ).toBeNull();
    const state = resumedCheckoutState({ initialValues: values, progress: null });
    expect(state).toMatchObject({ step: "details", values });
  });
});
