import { describe, expect, it } from "vitest";
import { forPeople } from "./refusal";

describe("a service's refusal, as a person reads it", () => {
  it("names the field in words, not as a schema path", () => {
    expect(forPeople("Invalid input: password: must be at least 10 characters")).toBe(
      "Password must be at least 10 characters.",
    );
    expect(
      forPeople(
        "Invalid input: shippingAddress.postalCode: is required; lines.0.quantity: must be at most 99",
      ),
    ).toBe("Postal code is required. Quantity must be at most 99.");
  });

  it("leaves out the field the form marks itself", () => {
    expect(
      forPeople(
        "amount: at most $337.97 can be refunded ($340.00 charged, $2.03 already refunded)",
        "amount",
      ),
    ).toBe("At most $337.97 can be refunded ($340.00 charged, $2.03 already refunded)");
  });

  it("keeps a message already written for a person", () => {
    expect(forPeople("This order has been refunded in full; nothing is left to refund")).toBe(
      "This order has been refunded in full; nothing is left to refund.",
    );
  });
});
