// The image port on @emporium/storage/images (sharp, and file-type for the magic number): what the
// catalog's service wires into MediaLibrary, and what its tests use to turn real images into variants.
// That module loads sharp and file-type on the first upload, not at start: sharp brings libvips (about
// 7 MB of code and its own allocations) into a process that, on most replicas, only ever serves reads.
import { ImageRefusedError as Refused, inspectImage, renderWebpVariants } from "@emporium/storage/images";
import { ImageRefusedError, PRODUCT_IMAGE_LIMITS, VARIANT_WIDTHS } from "../../domain/media-rules";
import type { ImageProcessor } from "../../ports/image-processor";

/** The shared checks' refusal, as the catalog's 400 on the `file` field staff read. */
async function refusedAsFile<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    throw err instanceof Refused ? new ImageRefusedError(err.message) : err;
  }
}

export const sharpImageProcessor: ImageProcessor = {
  inspect: (body) => refusedAsFile(inspectImage(body, PRODUCT_IMAGE_LIMITS)),
  renderVariants: (body, image) =>
    refusedAsFile(renderWebpVariants(body, image, VARIANT_WIDTHS, PRODUCT_IMAGE_LIMITS)),
};
