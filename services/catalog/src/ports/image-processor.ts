// What the media use cases need from an image library: what an uploaded file really is (from its
// bytes, whatever it was called), and the stored forms of an accepted one. Both refuse a file staff
// must fix with domain/media-rules' ImageRefusedError (a 400 on the `file` field).
import type { ImageVariant, InspectedImage } from "@emporium/storage/images";

export type { ImageVariant, InspectedImage };

export interface ImageProcessor {
  /** The accepted image type and upright size of `body`; throws a refusal for anything else. */
  inspect(body: Buffer): Promise<InspectedImage>;
  /** WebP at each of the variant widths, metadata stripped; `image` is what inspect found. */
  renderVariants(body: Buffer, image: InspectedImage): Promise<ImageVariant[]>;
}
