// What a product image must be, and where its files live. Pure rules: the limits, the refusal messages
// staff read, the staging and variant keys.
import { InvalidInputError } from "@emporium/service-kit/errors";

/** Formats staff may upload: what browsers show and sharp (libvips with libheif/aom) decodes here. */
export const IMAGE_TYPES = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "image/avif": "AVIF",
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;
export const IMAGE_TYPE_LIST = Object.keys(IMAGE_TYPES) as [ImageType, ...ImageType[]];

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MIN_IMAGE_SIDE = 200;
export const MAX_IMAGE_SIDE = 10_000;
/** Decoding guard: larger pixel counts are refused before libvips allocates them (decompression bombs). */
export const MAX_IMAGE_PIXELS = 50_000_000;
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

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

const ACCEPTED = Object.values(IMAGE_TYPES)
  .join(", ")
  .replace(/, ([^,]+)$/, " or $1");

/** Why an uploaded file is not a product image; staff read these messages as they are. */
export class ImageRefusedError extends InvalidInputError {
  override name = "ImageRefusedError";
  constructor(message: string) {
    super("file", message);
  }
}

export const refusals = {
  tooLarge: (bytes: number) =>
    new ImageRefusedError(
      `the image is larger than ${megabytes(MAX_IMAGE_BYTES)} (it is ${megabytes(bytes)}); make it smaller and upload it again`,
    ),
  empty: () => new ImageRefusedError("the file is empty"),
  notAnImage: (what: string | null) =>
    new ImageRefusedError(
      what
        ? `the file is ${what}, not an image; upload a ${ACCEPTED} image`
        : `the file is not an image (its content is not ${ACCEPTED}, whatever its name says)`,
    ),
  unsupportedImage: (format: string) =>
    new ImageRefusedError(`the file is a ${format} image; upload a ${ACCEPTED} image instead`),
  unreadable: (format: string) =>
    new ImageRefusedError(`the file looks like a ${format} image but cannot be read; it may be damaged`),
  tooSmall: (width: number, height: number) =>
    new ImageRefusedError(
      `the image is ${width} × ${height} pixels; it must be at least ${MIN_IMAGE_SIDE} pixels on each side`,
    ),
  tooBig: (width: number, height: number) =>
    new ImageRefusedError(
      `the image is ${width} × ${height} pixels; it may be at most ${MAX_IMAGE_SIDE} pixels on a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`,
    ),
  missing: () =>
    new InvalidInputError(
      "key",
      "no uploaded file is waiting under this key; it may have expired or been used already — upload it again",
    ),
};

/** "a PDF document" for what file-type found, when it is not one of the accepted images. */
export function describeFileKind(ext: string, mime: string): string {
  const names: Record<string, string> = {
    pdf: "a PDF document",
    zip: "a ZIP archive",
    gz: "a gzip archive",
    docx: "a Word document",
    xlsx: "an Excel workbook",
    mp4: "an MP4 video",
    mov: "a QuickTime video",
    mp3: "an MP3 audio file",
    exe: "a Windows program",
    elf: "a Linux program",
    html: "an HTML page",
    xml: "an XML document",
  };
  if (names[ext]) return names[ext];
  if (mime.startsWith("image/")) return `a ${ext.toUpperCase()} image`;
  return `a ${ext.toUpperCase()} file`;
}
