// The shared image checks on real files: what a refused file is called, and each caller's own limits.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_IMAGE_LIMITS,
  describeFileKind,
  imageRefusals,
  ImageRefusedError,
  inspectImage,
} from "../src/images";

describe("image checks", () => {
  it("says what a refused file is in words the uploader understands", async () => {
    expect(describeFileKind("pdf", "application/pdf")).toBe("a PDF document");
    expect(describeFileKind("gif", "image/gif")).toBe("a GIF image");
    expect(describeFileKind("7z", "application/x-7z-compressed")).toBe("a 7Z file");
    expect(imageRefusals.notAnImage(null)).toMatch(/not an image .*whatever its name says/);
    const gif = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#123456" } })
      .gif()
      .toBuffer();
    const refused = await inspectImage(gif).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ImageRefusedError);
    expect(refused).toMatchObject({
      message: "the file is a GIF image; upload a JPEG, PNG, WebP or AVIF image instead",
    });
  });

  it("judges by the caller's limits and names them in the refusal", async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#654321" } })
      .png()
      .toBuffer();
    expect(await inspectImage(png)).toEqual({ type: "image/png", width: 400, height: 300 });
    await expect(inspectImage(png, { ...DEFAULT_IMAGE_LIMITS, minSide: 320 })).rejects.toThrow(
      "the image is 400 × 300 pixels; it must be at least 320 pixels on each side",
    );
    await expect(inspectImage(png, { ...DEFAULT_IMAGE_LIMITS, maxSide: 350 })).rejects.toThrow(
      /it may be at most 350 pixels on a side and 50 megapixels$/,
    );
    const big = Buffer.concat([png, Buffer.alloc(1.5 * 1024 * 1024 - png.length)]);
    await expect(inspectImage(big, { ...DEFAULT_IMAGE_LIMITS, maxBytes: 1024 * 1024 })).rejects.toThrow(
      "the image is larger than 1 MB (it is 1.5 MB); make it smaller and upload it again",
    );
  });
});
