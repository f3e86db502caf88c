// The image port on sharp (and file-type for the magic number): what the catalog's service wires into
// MediaLibrary, and what its tests use to turn real images into variants.
import type { ImageProcessor } from "../../ports/image-processor";
import { renderVariants } from "./image-variants";
import { inspectImage } from "./inspect-image";

export const sharpImageProcessor: ImageProcessor = { inspect: inspectImage, renderVariants };
