import { describe, expect, it } from "vitest";
import { isValidTrackingNumber, luhnCheckDigit, trackingNumber } from "./tracking-number";

describe("tracking numbers", () => {
  it("computes the Luhn check digit", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3);
    expect(luhnCheckDigit("0000000000")).toBe(0);
  });

  it("is the prefix, ten digits and a check digit, always the same for the same serial", () => {
    expect(trackingNumber("PF", 4711)).toBe("PF00000047118");
    expect(trackingNumber("DX", 9_999_999_999)).toMatch(/^DX9{10}\d$/);
    expect(trackingNumber("PF", 4711)).toBe(trackingNumber("PF", 4711));
    expect(trackingNumber("PF", 4711)).not.toBe(trackingNumber("PF", 4712));
  });

  it("catches a mistyped digit and a swap of neighbouring digits", () => {
    const good = trackingNumber("PF", 1_234_567_890);
    expect(isValidTrackingNumber(good)).toBe(true);
    const digits = good.slice(2);
    for (let i = 0; i < digits.length; i++) {
      const typo = `PF${digits.slice(0, i)}${(Number(digits[i]) + 1) % 10}${digits.slice(i + 1)}`;
      expect(isValidTrackingNumber(typo)).toBe(false);
    }
    expect(isValidTrackingNumber(`PF${digits[1]}${digits[0]}${digits.slice(2)}`)).toBe(false);
    expect(isValidTrackingNumber("pf00000047116")).toBe(false);
    expect(isValidTrackingNumber("PF0000004711")).toBe(false);
  });

  it("refuses prefixes and serials outside the format", () => {
    expect(() => trackingNumber("P", 1)).toThrow(RangeError);
    expect(() => trackingNumber("PF", -1)).toThrow(RangeError);
    expect(() => trackingNumber("PF", 10_000_000_000)).toThrow(RangeError);
    expect(() => trackingNumber("PF", 1.5)).toThrow(RangeError);
  });
});
