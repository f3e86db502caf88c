// The stored forms of an accepted upload: WebP at each variant width (never enlarged), turned upright
// by its EXIF orientation, with metadata (camera, GPS position) stripped — sharp drops it unless asked.
import sharp from "sharp";
import { MAX_IMAGE_PIXELS, refusals, VARIANT_WIDTHS } from "../../domain/media-rules";
import type { ImageVariant } from "../../ports/image-processor";

export async function renderVariants(body: Buffer, format: string): Promise<ImageVariant[]> {
  const variants: ImageVariant[] = [];
  for (const nominalWidth of VARIANT_WIDTHS) {
    try {
      const { data, info } = await sharp(body, { limitInputPixels: MAX_IMAGE_PIXELS })
        .rotate()
        .resize({ width: nominalWidth, withoutEnlargement: true })
        .webp({ quality: 80, effort: 3 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ nominalWidth, body: data, width: info.width, height: info.height });
    } catch {
      // The header read fine but the pixels do not decode: a truncated or damaged file.
      throw refusals.unreadable(format);
    }
  }
  return variants;
}
