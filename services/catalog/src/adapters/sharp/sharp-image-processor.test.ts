// The catalog's image port on the shared checks: real files in, the catalog's refusals (a 400 on the
// `file` field, in the shared words) and its three WebP widths out.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ImageRefusedError } from "../../domain/media-rules";
import { sharpImageProcessor } from "./sharp-image-processor";

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();

describe("sharpImageProcessor", () => {
  it("refuses what is not a product image as the file field, in the shared words", async () => {
    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    const notAnImage = await sharpImageProcessor.inspect(pdf).catch((err: unknown) => err);
    expect(notAnImage).toBeInstanceOf(ImageRefusedError);
    expect(notAnImage).toMatchObject({
      field: "file",
      message: "file: the file is a PDF document, not an image; upload a JPEG, PNG, WebP or AVIF image",
    });
    await expect(sharpImageProcessor.inspect(await picture(120, 90))).rejects.toThrow(
      "file: the image is 120 × 90 pixels; it must be at least 200 pixels on each side",
    );
    await expect(sharpImageProcessor.inspect(Buffer.alloc(11 * 1024 * 1024, 1))).rejects.toThrow(
      /^file: the image is larger than 10 MB \(it is 11 MB\)/,
    );
  });

  it("keeps an accepted image as WebP at 1600, 800 and 400 pixels, never enlarged", async () => {
    const png = await picture(1000, 500);
    const image = await sharpImageProcessor.inspect(png);
    expect(image).toEqual({ type: "image/png", width: 1000, height: 500 });
    const variants = await sharpImageProcessor.renderVariants(png, image);
    expect(variants.map((v) => [v.nominalWidth, v.width, v.height])).toEqual([
      [1600, 1000, 500],
      [800, 800, 400],
      [400, 400, 200],
    ]);
    for (const v of variants) expect((await sharp(v.body).metadata()).format).toBe("webp");
  });

  it("refuses a file whose header reads but whose pixels do not", async () => {
    const png = await picture(600, 400);
    const truncated = png.subarray(0, Math.floor(png.length / 2));
    const image = await sharpImageProcessor.inspect(truncated);
    await expect(sharpImageProcessor.renderVariants(truncated, image)).rejects.toThrow(
      "file: the file looks like a PNG image but cannot be read; it may be damaged",
    );
  });
});

describe("the catalog process", () => {
  // Read replicas never see an upload: libvips (sharp's native library) stays out of their memory until
  // the first image is processed. Checked in a fresh process, from the libraries it has mapped.
  it("maps libvips only once an image is processed, not at start or for a file refused by its type", async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
    const script = `
      import { readFileSync } from "node:fs";
      const vips = () => readFileSync("/proc/self/maps", "utf8").includes("libvips");
      const seen = [];
      await import("./src/service.ts");
      const { sharpImageProcessor } = await import("./src/adapters/sharp/sharp-image-processor.ts");
      seen.push(vips());
      await sharpImageProcessor.inspect(Buffer.from("%PDF-1.4\\n")).catch(() => undefined);
      seen.push(vips());
      const png = Buffer.from("${(await picture(300, 300)).toString("base64")}", "base64");
      await sharpImageProcessor.inspect(png);
      seen.push(vips());
      console.log(JSON.stringify(seen));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "--eval", script],
      { cwd: root },
    );
    expect(JSON.parse(stdout)).toEqual([false, false, true]);
  });
});
