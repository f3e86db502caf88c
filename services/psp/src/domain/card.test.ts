import { describe, expect, it } from "vitest";
import { brandOf, checkCard, passesLuhn } from "./card";

const now = new Date("2026-06-15T12:00:00Z");
const valid = {
  number: "4242 4242 4242 4242",
  expMonth: 12,
  expYear: 2030,
  cvc: "123",
  name: "Ada Lovelace",
};

describe("card checks", () => {
  it("knows the Luhn checksum", () => {
    expect(passesLuhn("4242424242424242")).toBe(true);
    expect(passesLuhn("378282246310005")).toBe(true);
    expect(passesLuhn("4242424242424241")).toBe(false);
  });

  it("tells brands apart", () => {
    expect(brandOf("4242424242424242")).toBe("visa");
    expect(brandOf("5555555555554444")).toBe("mastercard");
    expect(brandOf("2223003122003222")).toBe("mastercard");
    expect(brandOf("378282246310005")).toBe("amex");
    expect(brandOf("6011111111111117")).toBe("discover");
    expect(brandOf("9999999999999995")).toBe("unknown");
  });

  it("accepts a good card and keeps only what a token needs to show", () => {
    const result = checkCard(valid, now);
    expect(result).toEqual({
      ok: true,
      card: {
        number: "4242424242424242",
        brand: "visa",
        last4: "4242",
        expMonth: 12,
        expYear: 2030,
        name: "Ada Lovelace",
      },
    });
    expect(checkCard({ ...valid, expMonth: "06", expYear: "26" }, now).ok).toBe(true);
  });

  it.each([
    [{ number: "4242424242424241" }, "number", "card number: fails its checksum"],
    [{ number: "42424242" }, "number", "card number: must have 12 to 19 digits, not 8"],
    [{ number: "378282246310005 1" }, "number", "card number: amex cards have 15 digits, not 16"],
    [{ number: "4242-abcd" }, "number", "card number: must be a string of digits"],
    [{ expMonth: 13 }, "expMonth", "expiry month: must be a number from 1 to 12"],
    [{ expMonth: 5, expYear: 2026 }, "expYear", "expiry: the card expired at the end of 05/2026"],
    [{ expYear: 1999 }, "expYear", "expiry year: must be a year such as 2030 or 30"],
    [{ cvc: "12" }, "cvc", "cvc: must be 3 digits"],
    [{ number: "378282246310005", cvc: "123" }, "cvc", "cvc: must be 4 digits"],
    [{ name: "  " }, "name", "name: the cardholder's name is required"],
  ])("refuses %j naming the field", (change, field, message) => {
    expect(checkCard({ ...valid, ...change }, now)).toEqual({ ok: false, error: { field, message } });
  });
});
