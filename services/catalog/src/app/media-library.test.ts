// MediaLibrary's clean-up promise without a database: when the last step (the Media row) fails after
// the variants were stored, the staged upload and every variant are deleted again.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "@emporium/observability";
import { LocalFolderStore, LocalFolderUploads, type ObjectStore } from "@emporium/storage";
import { sharpImageProcessor } from "../adapters/sharp/sharp-image-processor";
import type { MediaStore } from "../ports/media-store";
import { MediaLibrary } from "./media-library";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function listAll(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const productId = "0b7c4f3e-1d2a-4c5b-8e9f-0a1b2c3d4e5f";

function failingStore(): MediaStore {
  const refuse = () => Promise.reject(new Error("database went away"));
  return {
    productSlug: () => Promise.resolve("linen-shirt"),
    hasOptionValue: () => Promise.resolve(true),
    list: () => Promise.resolve([]),
    append: refuse,
    remove: refuse,
    reorder: refuse,
    setAlt: refuse,
  };
}

describe("MediaLibrary.complete", () => {
  it("deletes the staged file and every variant it wrote when recording the image fails", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "emporium-media-lib-"));
    dirs.push(dir);
    const objects: ObjectStore = new LocalFolderStore(dir);
    const puts: string[] = [];
    const recording: ObjectStore = {
      description: "recording",
      put: (key, body, type) => {
        puts.push(key);
        return objects.put(key, body, type);
      },
      get: (key) => objects.get(key),
      exists: (key) => objects.exists(key),
      delete: (key) => objects.delete(key),
    };
    const library = new MediaLibrary({
      objects: recording,
      uploads: new LocalFolderUploads({ url: "/uploads", secret: Buffer.alloc(32, 1) }),
      store: failingStore(),
      images: sharpImageProcessor,
      log: createLogger({ service: "test", level: "silent" }),
    });
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#884422" } })
      .png()
      .toBuffer();
    const key = "uploads/6f1e2d3c-4b5a-4968-8776-655443322110";
    await objects.put(key, png, "image/png");
    const audit = {
      service: "catalog",
      actor: { userId: "staff-1", email: "manager@example.com", role: "manager" },
      requestId: "req-1",
    };
    await expect(library.complete({ productId, key, alt: "x", optionValueId: null }, audit)).rejects.toThrow(
      /database went away/,
    );
    expect(puts.filter((k) => k.startsWith("products/linen-shirt/"))).toHaveLength(3);
    expect(await listAll(dir)).toEqual([]);
  });
});

describe("MediaLibrary.sweepAbandonedUploads", () => {
  it("deletes staged uploads older than an hour and leaves product images alone", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "emporium-media-sweep-"));
    dirs.push(dir);
    const objects = new LocalFolderStore(dir);
    const library = new MediaLibrary({
      objects,
      uploads: new LocalFolderUploads({ url: "/uploads", secret: Buffer.alloc(32, 1) }),
      store: failingStore(),
      images: sharpImageProcessor,
      log: createLogger({ service: "test", level: "silent" }),
    });
    await objects.put("uploads/6f1e2d3c-4b5a-4968-8776-655443322110", Buffer.from("x"), "image/png");
    await objects.put("products/linen-shirt/1-navy.webp", Buffer.from("y"), "image/webp");
    expect(await library.sweepAbandonedUploads(new Date(Date.now() + 30 * 60_000))).toBe(0);
    expect(await library.sweepAbandonedUploads(new Date(Date.now() + 2 * 3_600_000))).toBe(1);
    expect(await listAll(dir)).toEqual(["products/linen-shirt/1-navy.webp"]);
  });
});
