import { describe, expect, it } from "vitest";
import { objectKeysOf, variantKey } from "./media-rules";

describe("media rules", () => {
  it("finds every variant of an uploaded image from its key, and only the file for a seeded one", () => {
    const id = "0b7c4f3e-1d2a-4c5b-8e9f-0a1b2c3d4e5f";
    expect(objectKeysOf(variantKey("linen-shirt", id, 1600))).toEqual([
      `products/linen-shirt/${id}-1600.webp`,
      `products/linen-shirt/${id}-800.webp`,
      `products/linen-shirt/${id}-400.webp`,
    ]);
    expect(objectKeysOf("products/linen-shirt/1-navy.webp")).toEqual(["products/linen-shirt/1-navy.webp"]);
    expect(objectKeysOf(`products/linen-shirt/${id}-800.webp`)).toEqual([
      `products/linen-shirt/${id}-800.webp`,
    ]);
  });
});
