// What an uploaded image really is, judged from its bytes, and the WebP forms it is kept in — for every
// process that takes images from browsers: the catalog's product images and the reviews service's
// photos, each with its own limits, refused in the same words. The magic number (file-type) says the
// format whatever the file was called or declared as; sharp reads the size without decoding the pixels,
// then renders each width upright, never enlarged, with metadata (camera, GPS position) stripped.
// Importing this module loads neither library: both are loaded on first use, because sharp brings
// libvips (its code and its own allocations) into a process that may never see an image.

/** Formats accepted: what browsers show and sharp (libvips with libheif/aom) decodes. */
export const IMAGE_TYPES = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "image/avif": "AVIF",
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;
export const IMAGE_TYPE_LIST = Object.keys(IMAGE_TYPES) as [ImageType, ...ImageType[]];

export interface ImageLimits {
  maxBytes: number;
  /** Shortest side allowed, in pixels. */
  minSide: number;
  maxSide: number;
  /** Decoding guard: larger pixel counts are refused before libvips allocates them (decompression bombs). */
  maxPixels: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxBytes: 10 * 1024 * 1024,
  minSide: 200,
  maxSide: 10_000,
  maxPixels: 50_000_000,
};

export interface InspectedImage {
  type: ImageType;
  width: number;
  height: number;
}

export interface ImageVariant {
  /** The width asked for; `width` is smaller when the original is (images are never enlarged). */
  nominalWidth: number;
  body: Buffer;
  width: number;
  height: number;
}

/** Why a file is not an acceptable image, in words the person who uploaded it reads as they are. */
export class ImageRefusedError extends Error {
  override name = "ImageRefusedError";
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

const ACCEPTED = Object.values(IMAGE_TYPES)
  .join(", ")
  .replace(/, ([^,]+)$/, " or $1");

const KINDS: Record<string, string> = {
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

/** "a PDF document" for what file-type found, when it is not one of the accepted images. */
export function describeFileKind(ext: string, mime: string): string {
  if (KINDS[ext]) return KINDS[ext];
  if (mime.startsWith("image/")) return `a ${ext.toUpperCase()} image`;
  return `a ${ext.toUpperCase()} file`;
}

/**
 * The wording of each refusal. A service that refuses before it has the bytes (a declared size over the
 * limit when it signs an upload form) says it in the same words as inspectImage does afterwards.
 */
export const imageRefusals = {
  empty: () => "the file is empty",
  tooLarge: (bytes: number, limits: ImageLimits = DEFAULT_IMAGE_LIMITS) =>
    `the image is larger than ${megabytes(limits.maxBytes)} (it is ${megabytes(bytes)}); make it smaller and upload it again`,
  /** `what` from describeFileKind, or null when the bytes are no known format at all. */
  notAnImage: (what: string | null) =>
    what
      ? `the file is ${what}, not an image; upload a ${ACCEPTED} image`
      : `the file is not an image (its content is not ${ACCEPTED}, whatever its name says)`,
  unsupportedImage: (format: string) => `the file is a ${format} image; upload a ${ACCEPTED} image instead`,
  unreadable: (format: string) =>
    `the file looks like a ${format} image but cannot be read; it may be damaged`,
  tooSmall: (width: number, height: number, limits: ImageLimits = DEFAULT_IMAGE_LIMITS) =>
    `the image is ${width} × ${height} pixels; it must be at least ${limits.minSide} pixels on each side`,
  tooBig: (width: number, height: number, limits: ImageLimits = DEFAULT_IMAGE_LIMITS) =>
    `the image is ${width} × ${height} pixels; it may be at most ${limits.maxSide} pixels on a side and ${limits.maxPixels / 1_000_000} megapixels`,
};

const refuse = (message: string) => new ImageRefusedError(message);

function isAccepted(mime: string): mime is ImageType {
  return mime in IMAGE_TYPES;
}

/** The accepted image type and upright size of `body`; throws ImageRefusedError for anything else. */
export async function inspectImage(
  body: Buffer,
  limits: ImageLimits = DEFAULT_IMAGE_LIMITS,
): Promise<InspectedImage> {
  if (body.length === 0) throw refuse(imageRefusals.empty());
  if (body.length > limits.maxBytes) throw refuse(imageRefusals.tooLarge(body.length, limits));
  const { fileTypeFromBuffer } = await import("file-type");
  const kind = await fileTypeFromBuffer(body);
  if (!kind) throw refuse(imageRefusals.notAnImage(null));
  if (!isAccepted(kind.mime)) {
    if (kind.mime.startsWith("image/")) throw refuse(imageRefusals.unsupportedImage(kind.ext.toUpperCase()));
    throw refuse(imageRefusals.notAnImage(describeFileKind(kind.ext, kind.mime)));
  }
  const type = kind.mime;
  const unreadable = () => refuse(imageRefusals.unreadable(IMAGE_TYPES[type]));
  const { default: sharp } = await import("sharp");
  let meta;
  try {
    meta = await sharp(body, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  // EXIF orientations 5-8 turn the picture a quarter: it is seen with the sides swapped.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  if (!width || !height) throw unreadable();
  if (width < limits.minSide || height < limits.minSide)
    throw refuse(imageRefusals.tooSmall(width, height, limits));
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels)
    throw refuse(imageRefusals.tooBig(width, height, limits));
  return { type, width, height };
}

/** WebP at each of `widths` (never enlarged), turned upright, metadata stripped. */
export async function renderWebpVariants(
  body: Buffer,
  image: InspectedImage,
  widths: readonly number[],
  limits: ImageLimits = DEFAULT_IMAGE_LIMITS,
): Promise<ImageVariant[]> {
  const { default: sharp } = await import("sharp");
  const variants: ImageVariant[] = [];
  for (const nominalWidth of widths) {
    try {
      const { data, info } = await sharp(body, { limitInputPixels: limits.maxPixels })
        .rotate()
        .resize({ width: nominalWidth, withoutEnlargement: true })
        .webp({ quality: 80, effort: 3 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ nominalWidth, body: data, width: info.width, height: info.height });
    } catch {
      // The header read fine but the pixels do not decode: a truncated or damaged file.
      throw refuse(imageRefusals.unreadable(IMAGE_TYPES[image.type]));
    }
  }
  return variants;
}
