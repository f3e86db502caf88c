// Where a review's photos live in the object store, and the limits a shopper's photos keep to. Pure
// rules (the storefront reads them through the client too):
//
//   reviews/uploads/<shopper>/<uuid>          a staged upload: unchecked bytes, never served, swept after
//                                             an hour; <shopper> is a digest of the customer's id, so a key
//                                             says whose upload it is without naming them
//   reviews/<review id>/<photo id>-<w>.webp   a checked photo's WebP variants (w = 1600, 800, 400),
//                                             served only as its review's visibility allows
import type { ReviewPhoto } from "./types";

export const MAX_PHOTOS = 4;
/** The largest photo a shopper may upload (the product images' checks apply besides: a real image). */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
export const PHOTO_ALT_MAX = 200;
/** How long a signed upload form stays valid. */
export const PHOTO_UPLOAD_EXPIRY_SECONDS = 600;
/** A staged upload no review took within this long was abandoned; it is swept away. */
export const ABANDONED_PHOTO_AGE_MS = 60 * 60_000;
/** Photo uploads one shopper may start per window, unless configured (REVIEW_PHOTO_UPLOADS_*). */
export const DEFAULT_PHOTO_UPLOAD_LIMIT = { attempts: 40, windowSeconds: 60 * 60 };
/** The stored widths, largest first; the review shows the smallest as a thumbnail and links the largest. */
export const PHOTO_WIDTHS = [1600, 800, 400] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];
export const THUMBNAIL_WIDTH: PhotoWidth = 400;

export const STAGING_PREFIX = "reviews/uploads/";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** A staged upload's key: the shopper's digest, then the upload's own id. */
export const STAGED_KEY = new RegExp(`^reviews/uploads/([0-9a-f]{32})/${UUID}$`);
/** A stored photo's key (any of its widths): the review's id, the photo's id and the width. */
export const STORED_KEY = new RegExp(`^reviews/(${UUID})/(${UUID})-(1600|800|400)\\.webp$`);

export function stagedKey(shopperDigest: string, uploadId: string): string {
  return `${STAGING_PREFIX}${shopperDigest}/${uploadId}`;
}

/** The shopper digest a staged key was issued for, or null when it is not a staged key. */
export function stagedOwner(key: string): string | null {
  return STAGED_KEY.exec(key)?.[1] ?? null;
}

export function photoKey(reviewId: string, photoId: string, width: PhotoWidth): string {
  return `reviews/${reviewId}/${photoId}-${width}.webp`;
}

/** The review a stored photo key belongs to and the key of its largest form, or null for any other key. */
export function parsePhotoKey(key: string): { reviewId: string; photoKey: string } | null {
  const m = STORED_KEY.exec(key);
  if (!m?.[1] || !m[2]) return null;
  return { reviewId: m[1], photoKey: photoKey(m[1], m[2], PHOTO_WIDTHS[0]) };
}

/** The key of a stored photo at `width` (the thumbnail, say), from the key the review keeps. */
export function photoAt(key: string, width: PhotoWidth): string {
  return key.replace(/-(1600|800|400)\.webp$/, `-${width}.webp`);
}

/** Every object a photo the review keeps stands for. */
export function objectKeysOfPhoto(photo: Pick<ReviewPhoto, "key">): string[] {
  return PHOTO_WIDTHS.map((w) => photoAt(photo.key, w));
}
