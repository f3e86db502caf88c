// What the media use cases need from an image library: what an uploaded file really is (from its
// bytes, whatever it was called), and the stored forms of an accepted one. Both refuse a file staff
// must fix with the refusals of domain/media-rules, so the message they read does not depend on it.
import type { ImageType } from "../domain/media-rules";

export interface InspectedImage {
  type: ImageType;
  width: number;
  height: number;
}

export interface ImageVariant {
  /** The variant width asked for; `width` is smaller when the original is (images are never enlarged). */
  nominalWidth: number;
  body: Buffer;
  width: number;
  height: number;
}

export interface ImageProcessor {
  /** The accepted image type and upright size of `body`; throws a refusal for anything else. */
  inspect(body: Buffer): Promise<InspectedImage>;
  /** WebP at each of the variant widths, metadata stripped; `format` names the source in a refusal. */
  renderVariants(body: Buffer, format: string): Promise<ImageVariant[]>;
}
