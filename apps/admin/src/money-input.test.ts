import { describe, expect, it } from "vitest";
import { parseAmount } from "./money-input";

describe("parseAmount", () => {
  it("reads decimal prices into minor units exactly", () => {
    expect(parseAmount("24.90", "USD")).toEqual({ ok: true, minor: 2490 });
    expect(parseAmount(" 1,299 ", "EUR")).toEqual({ ok: true, minor: 129900 });
    expect(parseAmount("0.07", "USD")).toEqual({ ok: true, minor: 7 });
    expect(parseAmount("19.9", "USD")).toEqual({ ok: true, minor: 1990 });
    expect(parseAmount("2490", "JPY")).toEqual({ ok: true, minor: 2490 });
  });

  it("refuses what is not a plain amount, saying what to type", () => {
    for (const bad of ["", "abc", "-5", "1.234", "1e3", "12.", "99999999999"])
      expect(parseAmount(bad, "USD")).toMatchObject({ ok: false, message: expect.stringMatching(/24\.90/) });
    expect(parseAmount("24.90", "JPY")).toMatchObject({ ok: false, message: /whole amount/ });
  });
});
