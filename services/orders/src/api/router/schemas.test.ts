// The cart's quantity fields follow the one shared line limit, and say so in their messages.
import { describe, expect, it } from "vitest";
import { lineQuantity, quantity } from "./schemas";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("cart quantities", () => {
  it("accept up to 99 units of one item", () => {
    expect(quantity.parse(99)).toBe(99);
    expect(lineQuantity.parse(99)).toBe(99);
  });

  it("refuse 100 with the limit in the message", () => {
    expect(messages(quantity.safeParse(100))).toEqual(["must be at most 99"]);
    expect(messages(lineQuantity.safeParse(100))).toEqual(["must be at most 99"]);
  });

  it("take at least 1 when adding, and 0 (removal) when setting a line", () => {
    expect(messages(quantity.safeParse(0))).toEqual(["must be at least 1"]);
    expect(lineQuantity.parse(0)).toBe(0);
    expect(messages(lineQuantity.safeParse(-1))).toEqual(["must be 0 or more"]);
    expect(messages(lineQuantity.safeParse(1.5))).toEqual(["must be a whole number"]);
  });
});
