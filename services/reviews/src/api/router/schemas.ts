// Input fields the reviews procedures share. Strict objects everywhere: an unknown field is refused by
// name. Text is kept exactly as written — markup included, escaping is the renderer's job — but a
// blank title, body, name, reason or reply is refused.
import { z } from "zod";
import {
  AUTHOR_NAME_MAX,
  BODY_MAX,
  DEFAULT_PAGE_SIZE,
  PAGE_SIZE_MAX,
  REASON_MAX,
  REPLY_MAX,
  TITLE_MAX,
} from "../../domain/review";
import { IMAGE_TYPE_LIST } from "@emporium/storage/images";
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_ALT_MAX } from "../../domain/photos";
import { REVIEW_SORTS, type Rating } from "../../domain/types";

export const productId = z.uuid("must be a product id");
export const reviewId = z.uuid("must be a review id");

const isRating = (n: number): n is Rating => n === 1 || n === 2 || n === 3 || n === 4 || n === 5;

export const rating = z
  .number("must be a whole number of stars from 1 to 5")
  .int("must be a whole number of stars from 1 to 5")
  .refine(isRating, "must be a whole number of stars from 1 to 5");

/** Text up to `max` characters that is not blank. */
const text = (max: number) =>
  z
    .string("must be text")
    .max(max, `must be at most ${max.toLocaleString("en-US")} characters`)
    .refine((s) => s.trim().length > 0, "must not be blank");

export const title = text(TITLE_MAX);
export const body = text(BODY_MAX);
export const authorName = text(AUTHOR_NAME_MAX);
export const reason = text(REASON_MAX);
export const replyBody = text(REPLY_MAX);

const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

/**
 * The photos a review is to have, in order: each a key from photo.createUpload (uploaded since) or one
 * of the review's own photos (kept), with what it shows. Whose key it is, is checked by the service.
 */
export const photos = z
  .array(
    z.strictObject({
      key: z
        .string("must be the key of an uploaded photo")
        .min(1)
        .max(200, "is not a photo key this service issued"),
      alt: z
        .string("must be text")
        .max(PHOTO_ALT_MAX, `must be at most ${PHOTO_ALT_MAX} characters`)
        .default(""),
    }),
    "must be a list of photos",
  )
  .max(MAX_PHOTOS, `a review may have at most ${MAX_PHOTOS} photos`);

/** What a shopper says about the photo she is about to upload; its bytes are checked after. */
export const photoUpload = z.strictObject({
  contentType: z.enum(IMAGE_TYPE_LIST, `must be one of ${IMAGE_TYPE_LIST.join(", ")}`),
  size: z
    .number("must be the photo's size in bytes")
    .int("must be a whole number of bytes")
    .min(1, "the photo is empty")
    .max(
      MAX_PHOTO_BYTES,
      `the photo is larger than ${megabytes(MAX_PHOTO_BYTES)}; make it smaller and upload it again`,
    ),
});

export const sort = z.enum(REVIEW_SORTS).default("newest");
export const limit = z
  .number()
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(PAGE_SIZE_MAX, `must be at most ${PAGE_SIZE_MAX}`)
  .default(DEFAULT_PAGE_SIZE);
export const cursor = z.string().min(1).max(1_000, "is not a cursor this service issued");
export const page = z.number().int("must be a whole number").min(1).max(10_000).default(1);
