import { describe, expect, it } from "vitest";
import { checkLookup, normaliseOrderNumber } from "./lookup";

describe("normaliseOrderNumber", () => {
  it("accepts the number however it was copied", () => {
    expect(normaliseOrderNumber("em-m24m-vwv3")).toBe("EM-M24M-VWV3");
    expect(normaliseOrderNumber(" EM M24M VWV3 ")).toBe("EM-M24M-VWV3");
    expect(normaliseOrderNumber("M24MVWV3")).toBe("EM-M24M-VWV3");
  });
});

describe("checkLookup", () => {
  it("returns the normalised number and email", () => {
    expect(checkLookup({ number: "em-m24m-vwv3", email: " ada@example.com " })).toEqual({
      ok: true,
      number: "EM-M24M-VWV3",
      email: "ada@example.com",
    });
  });

  it("says what is wrong with each field", () => {
    expect(checkLookup({ number: "12345", email: "" })).toEqual({
      ok: false,
      errors: {
        number: "Order numbers look like EM-ABCD-1234",
        email: "Enter the email address you ordered with",
      },
    });
  });
});
