import { describe, expect, it } from "vitest";
import { safeReturnPath, withParam } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps paths on this site, resolved", () => {
    expect(safeReturnPath("/cart", "/")).toBe("/cart");
    expect(safeReturnPath("/p/shirt?variant=x#reviews", "/")).toBe("/p/shirt?variant=x#reviews");
    expect(safeReturnPath("/a/../cart", "/")).toBe("/cart");
  });

  it("refuses anything that leaves the site, before or after its dot segments are resolved", () => {
    for (const crafted of [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "/.//evil.example",
      "/././/evil.example?x=1",
      "/a/..//evil.example",
      "/%2e//evil.example",
      "/\t/evil.example",
      "evil.example",
      "",
    ])
      expect(safeReturnPath(crafted, "/"), crafted).toBe("/");
  });

  it("refuses what is not a short text", () => {
    expect(safeReturnPath(null, "/cart")).toBe("/cart");
    expect(safeReturnPath(`/${"a".repeat(600)}`, "/cart")).toBe("/cart");
  });
});

describe("withParam", () => {
  it("adds or replaces one query parameter", () => {
    expect(withParam("/p/shirt?variant=a", "added", "1")).toBe("/p/shirt?variant=a&added=1");
    expect(withParam("/p/shirt?added=0", "added", "1")).toBe("/p/shirt?added=1");
  });
});
