// Inputs of the staff media procedures (admin.media.*): the upload's declared type and size, the staged
// key to complete, and the image's description and order.
import { z } from "zod";
import { IMAGE_TYPE_LIST, megabytes } from "@emporium/storage/images";
import { MAX_IMAGE_BYTES, STAGING_KEY } from "../../../../domain/media-rules";

const productId = z.uuid("must be a product id");
const mediaId = z.uuid("must be an image id");
const alt = z
  .string()
  .trim()
  .min(1, "describe the image for shoppers who cannot see it")
  .max(300, "must be at most 300 characters");

export const mediaListInput = z.strictObject({ productId });

export const createUploadInput = z.strictObject({
  productId,
  fileName: z.string().min(1).max(255, "must be at most 255 characters"),
  contentType: z.enum(IMAGE_TYPE_LIST, "must be a JPEG, PNG, WebP or AVIF image"),
  size: z
    .number()
    .int()
    .min(1, "the file is empty")
    .max(MAX_IMAGE_BYTES, `the image is larger than ${megabytes(MAX_IMAGE_BYTES)}`),
});

export const completeUploadInput = z.strictObject({
  productId,
  key: z.string().regex(STAGING_KEY, "must be the key createUpload returned"),
  alt,
  optionValueId: z.uuid("must be an option value id").nullable().default(null),
});

export const removeMediaInput = z.strictObject({ productId, mediaId });

export const reorderMediaInput = z.strictObject({
  productId,
  mediaIds: z.array(mediaId).max(200, "a product has at most 200 images"),
});

export const setAltInput = z.strictObject({ productId, mediaId, alt });
