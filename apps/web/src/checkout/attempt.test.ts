import { describe, expect, it } from "vitest";
import { attemptFor, IDEMPOTENCY_KEY, newIdempotencyKey } from "./attempt";

const request = {
  email: "Ada@Example.com",
  address: { name: "Ada", line1: "1 Main St", city: "Springfield", postalCode: "62701", country: "US" },
  shippingMethod: "standard",
  paymentToken: "tok_abc12345",
};

let counter = 0;
const sequentialKey = () => `key_${String(++counter).padStart(16, "0")}`;

describe("attemptFor", () => {
  it("keeps the key for a resubmission of the same details", () => {
    const first = attemptFor(null, request, sequentialKey);
    const again = attemptFor(
      first,
      { ...request, address: { ...request.address, line2: "" } },
      sequentialKey,
    );
    expect(again).toBe(first);
    // The address's key order and the email's case do not make it a different request.
    const reordered = attemptFor(
      first,
      {
        ...request,
        email: "ada@example.com",
        address: { country: "US", postalCode: "62701", city: "Springfield", line1: "1 Main St", name: "Ada" },
      },
      sequentialKey,
    );
    expect(reordered.key).toBe(first.key);
  });

  it("starts a new attempt when a detail changes", () => {
    const first = attemptFor(null, request, sequentialKey);
    expect(attemptFor(first, { ...request, paymentToken: "tok_other1234" }, sequentialKey).key).not.toBe(
      first.key,
    );
    expect(attemptFor(first, { ...request, shippingMethod: "express" }, sequentialKey).key).not.toBe(
      first.key,
    );
  });
});

describe("newIdempotencyKey", () => {
  it("makes keys the orders service accepts, different every time", () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(IDEMPOTENCY_KEY);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
