// What an uploaded file really is, from its bytes: its magic number (file-type) says the format
// whatever the file was called or declared as, and sharp reads the dimensions without decoding the
// pixels. Anything but an accepted image within the size limits is refused with a message staff read.
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import {
  describeFileKind,
  IMAGE_TYPES,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
  MIN_IMAGE_SIDE,
  refusals,
  type ImageType,
} from "../../domain/media-rules";
import type { InspectedImage } from "../../ports/image-processor";

function isAccepted(mime: string): mime is ImageType {
  return mime in IMAGE_TYPES;
}

export async function inspectImage(body: Buffer): Promise<InspectedImage> {
  if (body.length === 0) throw refusals.empty();
  if (body.length > MAX_IMAGE_BYTES) throw refusals.tooLarge(body.length);
  const kind = await fileTypeFromBuffer(body);
  if (!kind) throw refusals.notAnImage(null);
  if (!isAccepted(kind.mime)) {
    if (kind.mime.startsWith("image/")) throw refusals.unsupportedImage(kind.ext.toUpperCase());
    throw refusals.notAnImage(describeFileKind(kind.ext, kind.mime));
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(body, { limitInputPixels: false }).metadata();
  } catch {
    throw refusals.unreadable(IMAGE_TYPES[kind.mime]);
  }
  // EXIF orientations 5-8 turn the picture a quarter: the shopper sees it with the sides swapped.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  if (!width || !height) throw refusals.unreadable(IMAGE_TYPES[kind.mime]);
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) throw refusals.tooSmall(width, height);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS)
    throw refusals.tooBig(width, height);
  return { type: kind.mime, width, height };
}
