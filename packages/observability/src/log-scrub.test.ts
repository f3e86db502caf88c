import { describe, expect, it } from "vitest";
import { luhnValid, scrubText, scrubValue, SCRUBBED } from "./log-scrub";

describe("scrubText", () => {
  it("replaces card numbers written plain, spaced or dashed", () => {
    for (const card of [
      "4242424242424242",
      "4242 4242 4242 4242",
      "4000-0000-0000-0002",
      "378282246310005",
    ]) {
      const out = scrubText(`charging card ${card} now`);
      expect(out).toBe("charging card [card redacted] now");
    }
  });

  it("keeps digit runs that are not card numbers (Luhn fails) and short ones", () => {
    expect(luhnValid("4242424242424241")).toBe(false);
    expect(scrubText("order 4242424242424241 of 3 items, 2026-12-07")).toBe(
      "order 4242424242424241 of 3 items, 2026-12-07",
    );
  });

  it("replaces payment tokens, bearer tokens, JWTs and password pairs", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl";
    const out = scrubText(
      `token tok_0123456789abcdef01234567 header Bearer abc.def-123 jwt ${jwt} password=hunter2 "secret": "s3"`,
    );
    expect(out).not.toMatch(/0123456789abcdef|abc\.def-123|hunter2|s3"|eyJzdWIi/);
    expect(out).toContain(`tok_${SCRUBBED}`);
    expect(out).toContain(`Bearer ${SCRUBBED}`);
    expect(out).toContain(`password=${SCRUBBED}`);
  });

  it("leaves ordinary messages alone", () => {
    const msg = "order placed: 3 items, trace 4bf92f3577b34da6a3ce929d0e0e4736";
    expect(scrubText(msg)).toBe(msg);
  });
});

describe("scrubValue", () => {
  it("replaces secret-named fields at any depth and scrubs every string", () => {
    const out = scrubValue({
      msg: "paid with 4242424242424242",
      orderId: "o-1",
      input: {
        payment: { paymentToken: "tok_0123456789abcdef", cardNumber: "4242424242424242", cvc: "123" },
      },
      list: [{ password: "x" }, "Bearer abc"],
      count: 4242424242424242,
    });
    expect(out).toEqual({
      msg: "paid with [card redacted]",
      orderId: "o-1",
      input: { payment: { paymentToken: SCRUBBED, cardNumber: SCRUBBED, cvc: SCRUBBED } },
      list: [{ password: SCRUBBED }, `Bearer ${SCRUBBED}`],
      count: 4242424242424242,
    });
  });
});
