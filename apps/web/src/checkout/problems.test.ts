import { describe, expect, it } from "vitest";
import { checkoutProblem, stepOfProblem } from "./problems";

describe("checkoutProblem", () => {
  it("sends address and email errors back to their fields", () => {
    const problem = checkoutProblem({
      kind: "invalid",
      field: "shippingAddress.postalCode",
      message: "Must be a postal code such as 10115 or SW1A 1AA",
      fields: {
        "shippingAddress.postalCode": "Must be a postal code such as 10115 or SW1A 1AA",
        email: "Must be an email address such as ada@example.com",
      },
    });
    expect(problem).toEqual({
      kind: "details",
      errors: {
        postalCode: "Must be a postal code such as 10115 or SW1A 1AA",
        email: "Must be an email address such as ada@example.com",
      },
    });
    expect(stepOfProblem(problem)).toBe("details");
  });

  it("sends shipping and payment errors to their steps", () => {
    const shipping = checkoutProblem({
      kind: "invalid",
      field: "shippingMethod",
      message: "Must be standard or express",
      fields: { shippingMethod: "Must be standard or express" },
    });
    expect(stepOfProblem(shipping)).toBe("shipping");
    const payment = checkoutProblem({ kind: "invalid", field: "paymentToken", message: "x", fields: {} });
    expect(payment).toMatchObject({ kind: "payment" });
  });

  it("keeps the cart and says so when payments are unavailable", () => {
    const message =
      "Payments are temporarily unavailable, so we cannot take your order honestly right now. Your cart is saved — please try again in a few minutes.";
    expect(checkoutProblem({ kind: "unavailable", message })).toEqual({ kind: "unavailable", message });
  });

  it("sends the shopper back to the cart when it cannot be ordered", () => {
    expect(checkoutProblem({ kind: "not-found", message: "Your cart expired; start a new one" })).toEqual({
      kind: "cart",
      message: "Your cart expired; start a new one",
    });
    expect(
      checkoutProblem({
        kind: "invalid",
        field: "cartToken",
        message: "This cart was already checked out",
        fields: { cartToken: "This cart was already checked out" },
      }).kind,
    ).toBe("cart");
  });

  it("keeps the shopper on the review, with the wait, when placing was limited", () => {
    const message = "Too many attempts to place an order just now. Please try again in 40 seconds.";
    const problem = checkoutProblem({ kind: "limited", retryAfterSeconds: 40, message });
    expect(problem).toEqual({ kind: "limited", message });
    expect(stepOfProblem(problem)).toBe("review");
  });

  it("offers a safe retry when an attempt is still in flight", () => {
    expect(checkoutProblem({ kind: "conflict", message: "busy" })).toMatchObject({ kind: "retry" });
  });
});
