import { describe, expect, it } from "vitest";
import { currencyExponent, toMajorUnits } from "./money";

describe("currencyExponent and toMajorUnits", () => {
  it("read minor units by the currency's own exponent", () => {
    expect(currencyExponent("USD")).toBe(2);
    expect(toMajorUnits(1299, "USD")).toBe(12.99);
    expect(currencyExponent("JPY")).toBe(0);
    expect(toMajorUnits(1500, "JPY")).toBe(1500);
    expect(currencyExponent("KWD")).toBe(3);
    expect(toMajorUnits(1500, "KWD")).toBe(1.5);
  });

  it("answers the same the second time (the exponent is remembered per currency)", () => {
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("EUR")).toBe(2);
    expect(toMajorUnits(0, "EUR")).toBe(0);
  });
});
