// What a product image must be, and where its files live. Pure rules: the limits, the refusal staff
// read, the staging and variant keys.
import { InvalidInputError } from "@emporium/service-kit/errors";

/**
 * What a product image may be: 10 MB at most, 200 to 10,000 pixels a side, 50 megapixels at most (the
 * decoding guard: larger pixel counts are refused before libvips allocates them — decompression bombs).
 * The checks themselves, the formats and the refusals' wording are @emporium/storage/images', shared with
 * the reviews' photos; these are the limits the catalog gives them (an ImageLimits).
 */
export const PRODUCT_IMAGE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  minSide: 200,
  maxSide: 10_000,
  maxPixels: 50_000_000,
} as const;
export const MAX_IMAGE_BYTES = PRODUCT_IMAGE_LIMITS.maxBytes;
/** How long a signed upload form stays valid. */
export const UPLOAD_EXPIRY_SECONDS = 300;
/** A staged upload nobody completed within this long was abandoned (a closed tab); it is swept away. */
export const ABANDONED_UPLOAD_AGE_MS = 60 * 60_000;

/**
 * Widths of the stored WebP variants. The storefront and admin show the largest (the Media row's key,
 * sized for a 2x product page); the smaller ones sit beside it under the same name for thumbnails.
 */
export const VARIANT_WIDTHS = [1600, 800, 400] as const;

export const STAGING_PREFIX = "uploads/";
export const STAGING_KEY = /^uploads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function stagingKey(uuid: string): string {
  return `${STAGING_PREFIX}${uuid}`;
}

export function variantKey(slug: string, mediaId: string, width: number): string {
  return `products/${slug}/${mediaId}-${width}.webp`;
}

/** Every object a Media row's key stands for: the variants of an upload, or the one file the seed drew. */
export function objectKeysOf(key: string): string[] {
  const match = /^(products\/[^/]+\/[0-9a-f-]{36})-(\d+)\.webp$/.exec(key);
  if (!match || Number(match[2]) !== VARIANT_WIDTHS[0]) return [key];
  return VARIANT_WIDTHS.map((w) => `${match[1]}-${w}.webp`);
}

/** Why an uploaded file is not a product image; staff read these messages as they are. */
export class ImageRefusedError extends InvalidInputError {
  override name = "ImageRefusedError";
  constructor(message: string) {
    super("file", message);
  }
}

export const refusals = {
  missing: () =>
    new InvalidInputError(
      "key",
      "no uploaded file is waiting under this key; it may have expired or been used already — upload it again",
    ),
};
