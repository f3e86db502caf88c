import { describe, expect, it } from "vitest";
import { actionInWords, roleLabel, shownValue, targetHref } from "./entry-view";

describe("a changed value as the Activity page shows it", () => {
  it("says when there is none", () => {
    expect(shownValue("reply", null)).toEqual({ text: "none", empty: true });
    expect(shownValue("tags", [])).toEqual({ text: "none", empty: true });
    expect(shownValue("description", "")).toEqual({ text: "empty", empty: true });
  });

  it("shows amounts in cents as money, other numbers as numbers", () => {
    expect(shownValue("priceCents", 4900)).toEqual({ text: "49.00", empty: false });
    expect(shownValue("compareAtPriceCents", 123456)).toEqual({ text: "1,234.56", empty: false });
    expect(shownValue("amount_cents", 5)).toEqual({ text: "0.05", empty: false });
    expect(shownValue("quantity", 12000)).toEqual({ text: "12,000", empty: false });
    expect(shownValue("position", -3)).toEqual({ text: "-3", empty: false });
  });

  it("shows yes or no, lists joined, and text as it is (markup included)", () => {
    expect(shownValue("published", true)).toEqual({ text: "yes", empty: false });
    expect(shownValue("published", false)).toEqual({ text: "no", empty: false });
    expect(shownValue("images", ["a", "b"])).toEqual({ text: "a, b", empty: false });
    expect(shownValue("title", "<b>Coat</b>")).toEqual({ text: "<b>Coat</b>", empty: false });
  });
});

describe("the words around an entry", () => {
  it("says an action in words", () => {
    expect(actionInWords("variant.price-changed")).toBe("Variant price changed");
    expect(actionInWords("review.approved")).toBe("Review approved");
    expect(actionInWords("staff-member.role-changed")).toBe("Staff member role changed");
  });

  it("names the roles, and shows an unknown one as stored", () => {
    expect(roleLabel("owner")).toBe("Owner");
    expect(roleLabel("support")).toBe("Support");
    expect(roleLabel("auditor")).toBe("auditor");
  });

  it("links products and orders to their admin pages, and nothing else", () => {
    expect(targetHref({ type: "product", id: "p-1" })).toBe("/products/p-1");
    expect(targetHref({ type: "order", id: "o/1" })).toBe("/orders/o%2F1");
    expect(targetHref({ type: "review", id: "r-1" })).toBeNull();
    expect(targetHref({ type: "variant", id: "v-1" })).toBeNull();
  });
});
