import { describe, expect, it, vi } from "vitest";
import {
  cardLabel,
  checkCardForm,
  CHECKSUM_MESSAGE,
  formatCardNumber,
  formatExpiry,
  parseExpiry,
  isValidCardNumber,
  readTokenResponse,
  tokenizeCard,
  tokenRequestBody,
} from "./card";

const card = { name: "Ada Lovelace", number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" };

describe("parseExpiry", () => {
  it("reads the ways people write an expiry date", () => {
    expect(parseExpiry("12/30")).toEqual({ expMonth: 12, expYear: 2030 });
    expect(parseExpiry("7 / 2031")).toEqual({ expMonth: 7, expYear: 2031 });
    expect(parseExpiry("0129")).toEqual({ expMonth: 1, expYear: 2029 });
    expect(parseExpiry("13/30")).toBeNull();
    expect(parseExpiry("soon")).toBeNull();
  });
});

describe("checkCardForm", () => {
  const now = new Date("2026-12-07T10:00:00Z");

  it("names every problem at once, checksum and expiry included, before the provider is asked", () => {
    expect(checkCardForm(card, now)).toEqual({});
    expect(checkCardForm({ ...card, number: "4242 4242 4242 4241" }, now)).toEqual({
      number: CHECKSUM_MESSAGE,
    });
    expect(checkCardForm({ name: " ", number: "4242-abcd", expiry: "1/2", cvc: "12" }, now)).toEqual({
      name: "Enter the name on the card",
      number: "Use only the digits on the card",
      expiry: "Enter the expiry date as MM/YY",
      cvc: "Enter the 3 or 4 digits on the back",
    });
    expect(checkCardForm({ ...card, number: "4242 4242", expiry: "11/26" }, now)).toEqual({
      number: "Enter the whole card number",
      expiry: "This card has expired",
    });
    // The current month is still good.
    expect(checkCardForm({ ...card, expiry: "12/26" }, now)).toEqual({});
  });

  it("checks the Luhn digit of the provider's test numbers", () => {
    expect(isValidCardNumber("4242424242424242")).toBe(true);
    expect(isValidCardNumber("4000000000000002")).toBe(true);
    expect(isValidCardNumber("378282246310005")).toBe(true);
    expect(isValidCardNumber("4242424242424241")).toBe(false);
  });
});

describe("as typed", () => {
  it("groups the card number as it is printed", () => {
    expect(formatCardNumber("4242424242424242")).toBe("4242 4242 4242 4242");
    expect(formatCardNumber("4242 42")).toBe("4242 42");
    expect(formatCardNumber("378282246310005")).toBe("3782 822463 10005");
    expect(formatCardNumber("4242-4242-x4242")).toBe("4242 4242 4242");
    expect(formatCardNumber("42424242424242424242")).toBe("4242 4242 4242 4242424");
  });

  it("adds the expiry's slash after the month and takes it away with the month's last digit", () => {
    expect(formatExpiry("1", "")).toBe("1");
    expect(formatExpiry("12", "1")).toBe("12/");
    expect(formatExpiry("12/3", "12/")).toBe("12/3");
    expect(formatExpiry("1234", "")).toBe("12/34");
    expect(formatExpiry("4", "")).toBe("04/");
    expect(formatExpiry("12", "12/")).toBe("1");
    expect(formatExpiry("12/345", "12/34")).toBe("12/34");
  });
});

describe("tokenRequestBody", () => {
  it("sends digits and a numeric expiry", () => {
    expect(tokenRequestBody(card)).toEqual({
      number: "4242424242424242",
      expMonth: 12,
      expYear: 2030,
      cvc: "123",
      name: "Ada Lovelace",
    });
  });
});

describe("readTokenResponse", () => {
  it("returns the token of an accepted card", () => {
    expect(readTokenResponse(201, { token: "tok_abc12345", brand: "visa", last4: "4242" })).toEqual({
      ok: true,
      card: { token: "tok_abc12345", brand: "visa", last4: "4242" },
    });
  });

  it("puts the provider's refusal on the field it names", () => {
    expect(
      readTokenResponse(400, {
        error: { code: "invalid_request", field: "number", message: "card number: fails its checksum" },
      }),
    ).toEqual({
      ok: false,
      field: "number",
      message: "This card number is not valid (it fails its checksum) — check for a typo",
    });
    expect(
      readTokenResponse(400, {
        error: { field: "expYear", message: "expiry: the card expired at the end of 01/2024" },
      }),
    ).toEqual({ ok: false, field: "expiry", message: "The card expired at the end of 01/2024" });
  });

  it("treats anything else as the provider being unavailable", () => {
    expect(readTokenResponse(503, { error: { message: "down" } })).toMatchObject({ ok: false, field: null });
    expect(readTokenResponse(200, "<html>")).toMatchObject({ ok: false, field: null });
  });
});

describe("tokenizeCard", () => {
  it("posts the card to the provider's same-origin path, not to the shop", async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () =>
      Response.json({ token: "tok_abc12345", brand: "visa", last4: "4242" }, { status: 201 }),
    );
    await expect(tokenizeCard(card, fetchImpl)).resolves.toMatchObject({ ok: true });
    expect(fetchImpl.mock.calls[0]?.[0]).toBe("/psp/v1/tokens");
  });

  it("says so when the provider cannot be reached", async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(tokenizeCard(card, fetchImpl)).resolves.toMatchObject({ ok: false, field: null });
  });
});

describe("cardLabel", () => {
  it("names the brand and the last digits", () => {
    expect(cardLabel({ token: "tok_x", brand: "visa", last4: "4242" })).toBe("Visa ending in 4242");
    expect(cardLabel({ token: "tok_x", brand: "unknown", last4: "1111" })).toBe("Card ending in 1111");
  });
});
