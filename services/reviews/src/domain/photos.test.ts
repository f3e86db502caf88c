import { describe, expect, it } from "vitest";
import { objectKeysOfPhoto, parsePhotoKey, photoAt, photoKey, stagedKey, stagedOwner } from "./photos";

const review = "6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b";
const photo = "0b1c2d3e-4f50-4617-8899-aabbccddeeff";
const digest = "0123456789abcdef0123456789abcdef";

describe("review photo keys", () => {
  it("says whose a staged upload is, and nothing for any other key", () => {
    expect(stagedOwner(stagedKey(digest, photo))).toBe(digest);
    for (const other of [
      `reviews/uploads/${digest}/not-a-uuid`,
      `reviews/uploads/short/${photo}`,
      `uploads/${photo}`,
      `products/linen/${photo}-1600.webp`,
      photoKey(review, photo, 1600),
    ])
      expect(stagedOwner(other), other).toBeNull();
  });

  it("finds the review of a stored photo at any width, and refuses everything else", () => {
    for (const width of [1600, 800, 400] as const)
      expect(parsePhotoKey(photoKey(review, photo, width))).toEqual({
        reviewId: review,
        photoKey: photoKey(review, photo, 1600),
      });
    for (const bad of [
      `reviews/${review}/${photo}-1200.webp`,
      `reviews/${review}/../${photo}-400.webp`,
      stagedKey(digest, photo),
      `products/x/${photo}-400.webp`,
    ])
      expect(parsePhotoKey(bad), bad).toBeNull();
  });

  it("names every stored form of a photo", () => {
    const key = photoKey(review, photo, 1600);
    expect(photoAt(key, 400)).toBe(photoKey(review, photo, 400));
    expect(objectKeysOfPhoto({ key })).toEqual(
      [1600, 800, 400].map((w) => `reviews/${review}/${photo}-${w}.webp`),
    );
  });
});
