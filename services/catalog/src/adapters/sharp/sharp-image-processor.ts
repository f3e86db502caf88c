// The image port on sharp (and file-type for the magic number): what the catalog's service wires into
// MediaLibrary, and what its tests use to turn real images into variants. Both modules are loaded on the
// first upload, not at start: sharp brings libvips (about 7 MB of code and its own allocations) into a
// process that, on most replicas, only ever serves reads.
import type { ImageProcessor } from "../../ports/image-processor";

export const sharpImageProcessor: ImageProcessor = {
  inspect: async (body) => (await import("./inspect-image")).inspectImage(body),
  renderVariants: async (body, format) => (await import("./image-variants")).renderVariants(body, format),
};
