import { describe, expect, it } from "vitest";
import { describeFileKind, megabytes, objectKeysOf, refusals, variantKey } from "./media-rules";

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

  it("says what a refused file is in words staff understand", () => {
    expect(refusals.notAnImage(describeFileKind("pdf", "application/pdf")).message).toBe(
      "file: the file is a PDF document, not an image; upload a JPEG, PNG, WebP or AVIF image",
    );
    expect(refusals.notAnImage(null).message).toMatch(/not an image .*whatever its name says/);
    expect(refusals.tooLarge(12.5 * 1024 * 1024).message).toMatch(/larger than 10 MB \(it is 12.5 MB\)/);
    expect(describeFileKind("gif", "image/gif")).toBe("a GIF image");
    expect(megabytes(10 * 1024 * 1024)).toBe("10 MB");
  });
});
