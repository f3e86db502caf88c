import { describe, expect, it } from "vitest";
import { absoluteUrl, categoryHref, productHref, searchHref } from "./links";

describe("links", () => {
  it("builds storefront paths", () => {
    expect(productHref("linen-shirt")).toBe("/p/linen-shirt");
    expect(productHref("linen-shirt", "v1")).toBe("/p/linen-shirt?variant=v1");
    expect(categoryHref("clothing/tops")).toBe("/c/clothing/tops");
    expect(searchHref("linen & wool")).toBe("/search?q=linen%20%26%20wool");
  });

  it("makes absolute URLs from the site URL", () => {
    expect(absoluteUrl("https://shop.example", "/p/x")).toBe("https://shop.example/p/x");
    expect(absoluteUrl("https://shop.example/base", "media/a.webp")).toBe(
      "https://shop.example/base/media/a.webp",
    );
  });
});
