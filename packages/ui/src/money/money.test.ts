import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, toDecimalString, toMajorUnits } from "./money";

describe("formatMoney", () => {
  it("reads amounts as minor units", () => {
    expect(formatMoney(1299, "USD")).toBe("$12.99");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(123456789, "USD")).toBe("$1,234,567.89");
  });

  it("knows currencies without minor units", () => {
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
    expect(toMajorUnits(1500, "JPY")).toBe(1500);
  });

  it("knows currencies with three decimals", () => {
    expect(currencyExponent("KWD")).toBe(3);
    expect(toMajorUnits(1500, "KWD")).toBe(1.5);
  });

  it("formats for the requested locale", () => {
    // Intl separates the amount and the symbol with a no-break space in German.
    expect(formatMoney(1299, "EUR", "de-DE").replace(/\s/g, " ")).toBe("12,99 €");
  });

  it("formats zero", () => {
    expect(formatMoney(0, "USD")).toBe("$0.00");
  });
});

describe("toDecimalString", () => {
  it("writes the decimal amount without float artefacts", () => {
    expect(toDecimalString(1299, "USD")).toBe("12.99");
    expect(toDecimalString(5, "USD")).toBe("0.05");
    expect(toDecimalString(1000, "USD")).toBe("10.00");
    expect(toDecimalString(1500, "JPY")).toBe("1500");
    expect(toDecimalString(1, "KWD")).toBe("0.001");
  });
});
