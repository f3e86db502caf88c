// Product images through the staff procedures, with the browser's part played by fetch: ask for an
// upload form, POST the file straight to storage, complete. On PGlite with the embedded store (signed
// forms to the catalog's own upload handler) and on PostgreSQL with a real S3-API server (presigned
// POST). Good images become a Media row and WebP variants; oversized files, other types and renamed
// non-images are refused with a message staff can act on and leave no object and no row behind.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import { embeddedTestDatabase, testDatabaseTargets, type TestDatabaseTarget } from "@emporium/db/testing";
import {
  createLocalUploadHandler,
  LocalFolderStore,
  LocalFolderUploads,
  S3PresignedUploads,
} from "@emporium/storage";
import { s3TestTarget } from "@emporium/storage/testing";
import { MAX_IMAGE_BYTES, objectKeysOf } from "../src/domain/media-rules";
import { createCatalogFixture, type CatalogFixture, type MediaSetup } from "./fixture";
import { refusal } from "@emporium/service-kit/testing";

const manager = TEST_PRINCIPALS.manager as Principal;
const postgres = testDatabaseTargets("catalog media").find((t) => t.name === "postgres");
const s3 = s3TestTarget("catalog media on S3");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The embedded store: a folder, and the catalog's upload handler on a port of its own. */
async function localMedia(): Promise<MediaSetup> {
  const dir = await mkdtemp(path.join(tmpdir(), "emporium-media-int-"));
  const objects = new LocalFolderStore(dir);
  const secret = randomBytes(32);
  const handle = createLocalUploadHandler({ store: objects, secret, maxBodyBytes: MAX_IMAGE_BYTES });
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads`;
  return { objects, uploads: new LocalFolderUploads({ url, secret }) };
}

async function s3Media(): Promise<MediaSetup> {
  const { store, dispose } = await s3.create();
  const uploads = new S3PresignedUploads({
    bucket: store.bucket,
    endpoint: process.env.TEST_S3_ENDPOINT,
    region: process.env.TEST_S3_REGION ?? "us-east-1",
    credentials: {
      accessKeyId: process.env.TEST_S3_ACCESS_KEY_ID ?? "",
      secretAccessKey: process.env.TEST_S3_SECRET_ACCESS_KEY ?? "",
    },
    forcePathStyle: true,
  });
  cleanups.push(async () => {
    uploads.close();
    await dispose();
  });
  return { objects: store, uploads };
}

const setups: {
  name: string;
  available: boolean;
  db: TestDatabaseTarget;
  media: () => Promise<MediaSetup>;
}[] = [
  { name: "PGlite + local folder", available: true, db: embeddedTestDatabase(), media: localMedia },
  {
    name: "PostgreSQL + S3",
    available: postgres !== undefined && s3.available,
    db: postgres ?? embeddedTestDatabase(),
    media: s3Media,
  },
];

/** A photo-like picture (noise compresses badly, like a real photo) of the given size. */
async function picture(width: number, height: number, format: "png" | "jpeg" | "gif"): Promise<Buffer> {
  const raw = randomBytes(width * height * 3);
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

describe.each(setups)("product media on $name", (setup) => {
  let f: CatalogFixture;
  let product: { id: string; slug: string };
  const asManager = () => f.callerAs(manager);

  beforeAll(async () => {
    if (!setup.available) return;
    f = await createCatalogFixture(setup.db, { media: await setup.media() });
    product = await f.db.prisma.product.findFirstOrThrow({
      where: { status: "PUBLISHED" },
      orderBy: { slug: "asc" },
      select: { id: true, slug: true },
    });
  });
  afterAll(() => f?.dispose());

  /** What the browser does: POST the fields, then the file, to the form's URL. */
  async function post(
    form: { url: string; fields: Record<string, string> },
    body: Buffer,
    fileName: string,
    change: (fields: Record<string, string>) => void = () => undefined,
  ): Promise<Response> {
    const fields = { ...form.fields };
    change(fields);
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    data.append("file", new Blob([new Uint8Array(body)], { type: fields["Content-Type"] }), fileName);
    return fetch(form.url, { method: "POST", body: data });
  }

  async function upload(body: Buffer, fileName: string, contentType: "image/png" | "image/jpeg") {
    const form = await asManager().admin.media.createUpload({
      productId: product.id,
      fileName,
      contentType,
      size: body.length,
    });
    const res = await post(form, body, fileName);
    expect(res.ok, await res.clone().text()).toBe(true);
    return form;
  }

  const mediaCount = () => f.db.prisma.media.count({ where: { productId: product.id } });

  it.runIf(setup.available)("turns a PNG and a JPEG into Media rows with WebP variants", async () => {
    const before = await asManager().admin.media.list({ productId: product.id });
    const png = await upload(await picture(1200, 900, "png"), "studio shot.png", "image/png");
    const added = await asManager().admin.media.complete({
      productId: product.id,
      key: png.key,
      alt: "Front view on a white background",
    });
    expect(added).toMatchObject({
      alt: "Front view on a white background",
      width: 1200, // never enlarged
      height: 900,
      mimeType: "image/webp",
      position: before.length === 0 ? 0 : Math.max(...before.map((m) => m.position)) + 1,
      url: `/media/${added.key}`,
    });
    expect(added.key).toMatch(new RegExp(`^products/${product.slug}/${added.id}-1600\\.webp$`));
    const widths = [];
    for (const key of objectKeysOf(added.key)) {
      const stored = await f.mediaObjects.get(key);
      expect(stored?.contentType, key).toBe("image/webp");
      widths.push((await sharp(stored?.body).metadata()).width);
    }
    expect(widths).toEqual([1200, 800, 400]);
    expect(await f.mediaObjects.exists(png.key)).toBe(false); // the staged upload is gone

    const jpeg = await upload(await picture(2000, 1000, "jpeg"), "detail.jpg", "image/jpeg");
    const second = await asManager().admin.media.complete({
      productId: product.id,
      key: jpeg.key,
      alt: "Detail",
    });
    expect([second.width, second.height, second.position]).toEqual([1600, 800, added.position + 1]);

    // The storefront's product page lists both, in order.
    const shop = await f.caller.product.bySlug({ slug: product.slug });
    const urls = shop.media.map((m) => m.url);
    expect(urls.slice(-2)).toEqual([added.url, second.url]);
  });

  it.runIf(setup.available)(
    "refuses an oversized file before and at the storage, leaving nothing",
    async () => {
      const rows = await mediaCount();
      const declared = await refusal(
        asManager().admin.media.createUpload({
          productId: product.id,
          fileName: "huge.png",
          contentType: "image/png",
          size: MAX_IMAGE_BYTES + 1,
        }),
      );
      expect(declared.code).toBe("BAD_REQUEST");
      expect(declared.message).toMatch(/the image is larger than 10 MB/);

      // A browser that declares a small file and sends a big one is stopped by the storage's policy.
      const form = await asManager().admin.media.createUpload({
        productId: product.id,
        fileName: "liar.png",
        contentType: "image/png",
        size: 1000,
      });
      const res = await post(form, randomBytes(MAX_IMAGE_BYTES + 1), "liar.png");
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/EntityTooLarge/);
      expect(await f.mediaObjects.exists(form.key)).toBe(false);
      const none = await refusal(
        asManager().admin.media.complete({ productId: product.id, key: form.key, alt: "x" }),
      );
      expect(none.code).toBe("BAD_REQUEST");
      expect(none.message).toMatch(/no uploaded file is waiting under this key/);
      expect(await mediaCount()).toBe(rows);
    },
  );

  it.runIf(setup.available)(
    "refuses other types, declared or disguised, and removes what was staged",
    async () => {
      const rows = await mediaCount();
      const gifType = await refusal(
        asManager().admin.media.createUpload({
          productId: product.id,
          fileName: "anim.gif",
          // @ts-expect-error: the schema's enum is the point of this case
          contentType: "image/gif",
          size: 100,
        }),
      );
      expect(gifType.message).toMatch(/must be a JPEG, PNG, WebP or AVIF image/);

      // The storage refuses a form whose Content-Type was changed after signing.
      const form = await asManager().admin.media.createUpload({
        productId: product.id,
        fileName: "page.png",
        contentType: "image/png",
        size: 100,
      });
      const swapped = await post(form, Buffer.from("<script>alert(1)</script>"), "page.html", (fields) => {
        fields["Content-Type"] = "text/html";
      });
      expect(swapped.status).toBe(403);
      expect(await f.mediaObjects.exists(form.key)).toBe(false);

      const cases: [Buffer, string, "image/png" | "image/jpeg", RegExp][] = [
        [PDF, "photo.jpg", "image/jpeg", /the file is a PDF document, not an image/],
        [Buffer.from("just some notes\n".repeat(40)), "photo.png", "image/png", /the file is not an image/],
        [
          await picture(300, 300, "gif"),
          "photo.png",
          "image/png",
          /the file is a GIF image; upload a JPEG, PNG, WebP or AVIF/,
        ],
        [await picture(120, 90, "png"), "icon.png", "image/png", /120 × 90 pixels; it must be at least 200/],
        [
          (await picture(800, 800, "jpeg")).subarray(0, 4000),
          "cut.jpg",
          "image/jpeg",
          /cannot be read; it may be damaged/,
        ],
      ];
      for (const [body, name, type, message] of cases) {
        const staged = await upload(body, name, type);
        expect(await f.mediaObjects.exists(staged.key)).toBe(true);
        const err = await refusal(
          asManager().admin.media.complete({ productId: product.id, key: staged.key, alt: "x" }),
        );
        expect(err.code, name).toBe("BAD_REQUEST");
        expect(err.message, name).toMatch(message);
        expect(await f.mediaObjects.exists(staged.key), name).toBe(false);
      }
      expect(await mediaCount()).toBe(rows);
    },
  );

  it.runIf(setup.available)(
    "refuses a tampered form, a foreign key and another product's option value",
    async () => {
      const body = await picture(400, 400, "png");
      const form = await asManager().admin.media.createUpload({
        productId: product.id,
        fileName: "a.png",
        contentType: "image/png",
        size: body.length,
      });
      const elsewhere = `products/${product.slug}/planted.png`;
      const moved = await post(form, body, "a.png", (fields) => {
        fields.key = elsewhere;
      });
      expect(moved.status).toBe(403);
      expect(await f.mediaObjects.exists(elsewhere)).toBe(false);
      expect(await f.mediaObjects.exists(form.key)).toBe(false);

      // complete only ever reads (and deletes) staging keys, never a product's stored images.
      const seeded = await refusal(
        asManager().admin.media.complete({ productId: product.id, key: "products/x/1-navy.webp", alt: "x" }),
      );
      expect(seeded.message).toMatch(/must be the key createUpload returned/);

      const foreign = await f.db.prisma.productOptionValue.findFirstOrThrow({
        where: { option: { productId: { not: product.id } } },
      });
      const staged = await upload(body, "b.png", "image/png");
      const wrongValue = await refusal(
        asManager().admin.media.complete({
          productId: product.id,
          key: staged.key,
          alt: "x",
          optionValueId: foreign.id,
        }),
      );
      expect(wrongValue.message).toMatch(/optionValueId: is not one of this product's option values/);
      expect(await f.mediaObjects.exists(staged.key)).toBe(false);
    },
  );

  it.runIf(setup.available)("reorders, describes and removes images, files included", async () => {
    const staged = await upload(await picture(640, 800, "png"), "new.png", "image/png");
    const added = await asManager().admin.media.complete({
      productId: product.id,
      key: staged.key,
      alt: "Back",
    });
    const current = await asManager().admin.media.list({ productId: product.id });
    const order = [added.id, ...current.map((m) => m.id).filter((id) => id !== added.id)];
    const reordered = await asManager().admin.media.reorder({ productId: product.id, mediaIds: order });
    expect(reordered.map((m) => m.id)).toEqual(order);
    expect((await f.caller.product.bySlug({ slug: product.slug })).media[0]?.url).toBe(added.url);
    const stale = await refusal(
      asManager().admin.media.reorder({ productId: product.id, mediaIds: order.slice(1) }),
    );
    expect(stale.message).toMatch(/mediaIds: must list each of the product's images exactly once/);

    const described = await asManager().admin.media.setAlt({
      productId: product.id,
      mediaId: added.id,
      alt: "  Back view, hood down ",
    });
    expect(described.alt).toBe("Back view, hood down");

    await asManager().admin.media.remove({ productId: product.id, mediaId: added.id });
    expect((await asManager().admin.media.list({ productId: product.id })).map((m) => m.id)).not.toContain(
      added.id,
    );
    for (const key of objectKeysOf(added.key)) expect(await f.mediaObjects.exists(key), key).toBe(false);
    const again = await refusal(asManager().admin.media.remove({ productId: product.id, mediaId: added.id }));
    expect(again.code).toBe("NOT_FOUND");
  });
});
