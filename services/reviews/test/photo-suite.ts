// Review photos end to end through the service's HTTP server and its object store, on a given document
// store and photo storage: a shopper gets a signed form, posts a real image to it (S3's presigned POST,
// or the embedded store's /uploads), and writes her review with it; the photo is checked by its bytes,
// stored as WebP forms under the review and served as the review's visibility allows. Bad photos — not
// an image, too big, too many, a key not issued to her, an upload that is not there — are 400s naming the
// photo, and then no review and no object is left behind. Run on memory + the local folder
// (photos.test.ts) and on MongoDB + S3 (photos.int.test.ts).
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import type { TRPCError } from "@trpc/server";
import { signServiceToken, type Principal, type SignedPrincipal } from "@emporium/auth";
import { InvalidInputError } from "@emporium/service-kit/errors";
import type { ObjectStore } from "@emporium/storage";
import { freePort } from "@emporium/testkit/processes";
import { MAX_PHOTO_BYTES, photoAt } from "../src/domain/photos";
import type { ReviewsStorage } from "../src/ports/reviews-storage";
import type { PhotoStorage } from "../src/service";
import { createReviewsFixture, manager, refusal, shopper, type ReviewsFixture } from "./fixture";

export interface PhotoSetup {
  storage: ReviewsStorage;
  /** The photo storage, its uploads signed for `uploadUrl` when it is the local folder's. */
  photos(
    uploadUrl: string,
  ): Promise<{ photoStorage: PhotoStorage; objects: ObjectStore; keys(): Promise<string[]> }>;
  dispose(): Promise<void>;
}

async function picture(width: number, height: number, format: "png" | "jpeg"): Promise<Buffer> {
  const raw = randomBytes(width * height * 3);
  return sharp(raw, { raw: { width, height, channels: 3 } })
    [format]()
    .toBuffer();
}

function causeField(err: TRPCError): string | undefined {
  return err.cause instanceof InvalidInputError ? err.cause.field : undefined;
}

export function photoSuite(name: string, available: boolean, setup: () => Promise<PhotoSetup>): void {
  describe.runIf(available)(`review photos on ${name}`, () => {
    let f: ReviewsFixture;
    let s: PhotoSetup;
    let objects: ObjectStore;
    let keys: () => Promise<string[]>;
    let origin: string;
    const tokenKey = new Uint8Array(randomBytes(32));

    beforeAll(async () => {
      s = await setup();
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      const photos = await s.photos(`${origin}/uploads`);
      objects = photos.objects;
      keys = photos.keys;
      f = await createReviewsFixture(s.storage, async () => undefined, {
        photoStorage: photos.photoStorage,
        tokenKey,
      });
      await f.service.server.listen(port, "127.0.0.1");
    });
    afterAll(async () => {
      await f?.service.server.close();
      await f?.dispose();
      await s?.dispose();
    });

    /** Asks for a form and posts `body` to it as a browser (or the storefront) would; the HTTP status. */
    async function upload(
      who: Principal,
      body: Buffer,
      contentType: "image/png" | "image/jpeg" = "image/png",
    ): Promise<{ key: string; status: number }> {
      const form = await f.as(who).review.createPhotoUpload({ contentType, size: body.length });
      const data = new FormData();
      for (const [k, v] of Object.entries(form.fields)) data.append(k, v);
      data.append("file", new Blob([new Uint8Array(body)], { type: contentType }), "photo");
      const res = await fetch(form.url, { method: "POST", body: data });
      await res.arrayBuffer();
      return { key: form.key, status: res.status };
    }

    async function customer(): Promise<{ who: SignedPrincipal; productId: string }> {
      const who = shopper("photographer");
      if (who.kind === "anonymous") throw new Error("a shopper is signed in");
      const productId = randomUUID();
      await f.deliver(who, [productId]);
      return { who, productId };
    }

    const review = (productId: string, photos: { key: string; alt?: string }[]) => ({
      productId,
      rating: 5 as const,
      title: "As pictured",
      body: "See for yourself.",
      photos,
    });

    async function fetchPhoto(key: string, as?: SignedPrincipal): Promise<number> {
      const headers: Record<string, string> = as
        ? { authorization: `Bearer ${await signServiceToken(as, tokenKey)}` }
        : {};
      const res = await fetch(`${origin}/photos/${key}`, { headers });
      await res.arrayBuffer();
      return res.status;
    }

    it("stores a checked photo with its review and shows it as the review's state allows", async () => {
      const { who, productId } = await customer();
      const staged = await upload(who, await picture(1200, 900, "png"));
      expect(staged.status).toBe(204);
      const written = await f
        .as(who)
        .review.write(review(productId, [{ key: staged.key, alt: "The blue collar in daylight" }]));
      expect(written.photos).toHaveLength(1);
      const [photo] = written.photos;
      if (!photo) return;
      expect(photo).toMatchObject({ alt: "The blue collar in daylight", width: 1200, height: 900 });
      expect(photo.key).toMatch(new RegExp(`^reviews/${written.id}/[0-9a-f-]{36}-1600\\.webp$`));
      // Stored as WebP at each width (never enlarged), and the staged upload is gone.
      const thumb = await objects.get(photoAt(photo.key, 400));
      expect(thumb?.contentType).toBe("image/webp");
      expect((await sharp(thumb?.body).metadata()).width).toBe(400);
      expect(await objects.exists(staged.key)).toBe(false);

      // Waiting for moderation: not in the shop; staff and the author see it.
      expect(await fetchPhoto(photo.key)).toBe(404);
      expect(await fetchPhoto(photo.key, shopper("other") as SignedPrincipal)).toBe(404);
      expect(await fetchPhoto(photo.key, who)).toBe(200);
      expect(await fetchPhoto(photoAt(photo.key, 400), manager as SignedPrincipal)).toBe(200);
      const queued = await f.as(manager).moderation.queue({});
      expect(queued.items.find((r) => r.id === written.id)?.photos).toEqual(written.photos);

      await f.as(manager).moderation.approve({ reviewId: written.id });
      expect(await fetchPhoto(photoAt(photo.key, 400))).toBe(200);
      const listed = await f.as().review.list({ productId, sort: "newest", limit: 10 });
      expect(listed.items[0]?.photos).toEqual(written.photos);

      // Rejected: out of the shop again, photos included.
      await f.as(manager).moderation.reject({ reviewId: written.id, reason: "Shows another product" });
      expect(await fetchPhoto(photoAt(photo.key, 400))).toBe(404);
      expect(await fetchPhoto(photo.key, who)).toBe(200);
    });

    it("keeps, captions and removes photos when the review is edited", async () => {
      const { who, productId } = await customer();
      const first = await upload(who, await picture(800, 600, "jpeg"), "image/jpeg");
      const second = await upload(who, await picture(640, 640, "png"));
      const written = await f
        .as(who)
        .review.write(review(productId, [{ key: first.key }, { key: second.key, alt: "Side" }]));
      const [kept, dropped] = written.photos;
      if (!kept || !dropped) throw new Error("two photos were stored");
      const third = await upload(who, await picture(500, 400, "png"));
      const edited = await f.as(who).review.edit({
        reviewId: written.id,
        photos: [
          { key: third.key, alt: "Inside" },
          { key: kept.key, alt: "Front" },
        ],
      });
      expect(edited.photos.map((p) => p.alt)).toEqual(["Inside", "Front"]);
      expect(edited.photos[1]).toEqual({ ...kept, alt: "Front" });
      for (const width of [1600, 800, 400] as const) {
        expect(await objects.exists(photoAt(dropped.key, width))).toBe(false);
        expect(await objects.exists(photoAt(kept.key, width))).toBe(true);
      }
      // Removing them all.
      const bare = await f.as(who).review.edit({ reviewId: written.id, photos: [] });
      expect(bare.photos).toEqual([]);
      expect((await keys()).filter((k) => k.startsWith(`reviews/${written.id}/`))).toEqual([]);
    });

    it("refuses bad photos with a 400 naming the photo, and stores nothing", async () => {
      const { who, productId } = await customer();
      const before = await keys();
      const mine = async () => (await f.as(who).review.mine({})).total;

      // Not an image, whatever it claims to be.
      const notes = await upload(who, Buffer.from("just some notes\n".repeat(40)));
      expect(notes.status).toBe(204);
      const good = await upload(who, await picture(600, 600, "png"));
      const notImage = await refusal(
        f.as(who).review.write(review(productId, [{ key: good.key }, { key: notes.key }])),
        "BAD_REQUEST",
      );
      expect(causeField(notImage)).toBe("photos.1");
      expect(notImage.message).toMatch(/photo 2: the file is not an image/);

      // Too small to see.
      const tiny = await upload(who, await picture(40, 40, "png"));
      const small = await refusal(
        f.as(who).review.write(review(productId, [{ key: tiny.key }])),
        "BAD_REQUEST",
      );
      expect(small.message).toMatch(/photo 1: the image is 40 × 40 pixels/);

      // Too big: refused before a form is signed, and by the storage for a form that lied.
      const big = await refusal(
        f.as(who).review.createPhotoUpload({ contentType: "image/png", size: MAX_PHOTO_BYTES + 1 }),
        "BAD_REQUEST",
      );
      expect(big.message).toMatch(/larger than 8 MB/);
      const liar = await f.as(who).review.createPhotoUpload({ contentType: "image/png", size: 1000 });
      const data = new FormData();
      for (const [k, v] of Object.entries(liar.fields)) data.append(k, v);
      data.append("file", new Blob([new Uint8Array(randomBytes(MAX_PHOTO_BYTES + 1))]), "huge.png");
      const refused = await fetch(liar.url, { method: "POST", body: data });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      expect(await objects.exists(liar.key)).toBe(false);

      // Too many.
      const five = Array.from({ length: 5 }, () => ({ key: good.key }));
      const many = await refusal(f.as(who).review.write(review(productId, five)), "BAD_REQUEST");
      expect(many.message).toMatch(/at most 4 photos/);

      // Another shopper's upload, an invented key, another review's photo.
      const other = shopper("other");
      const theirs = await upload(other, await picture(600, 600, "png"));
      const cases = [
        theirs.key,
        `reviews/uploads/${"0".repeat(32)}/${randomUUID()}`,
        `reviews/${randomUUID()}/${randomUUID()}-1600.webp`,
        "products/linen-shirt/1-1600.webp",
      ];
      for (const key of cases) {
        const err = await refusal(f.as(who).review.write(review(productId, [{ key }])), "BAD_REQUEST");
        expect(causeField(err), key).toBe("photos.0.key");
        expect(err.message).toMatch(/was not issued to you/);
      }
      expect(await objects.exists(theirs.key)).toBe(true); // not hers to delete

      // An upload that never arrived (or was used already).
      const unsent = await f.as(who).review.createPhotoUpload({ contentType: "image/png", size: 1000 });
      const missing = await refusal(
        f.as(who).review.write(review(productId, [{ key: unsent.key }])),
        "BAD_REQUEST",
      );
      expect(missing.message).toMatch(/no uploaded photo waits under this key/);

      // Nothing stored: no review, and no object but the other shopper's upload.
      expect(await mine()).toBe(0);
      expect((await keys()).filter((k) => !before.includes(k))).toEqual([theirs.key]);
    });

    it("needs a signed-in shopper for a photo upload", async () => {
      await refusal(
        f.as().review.createPhotoUpload({ contentType: "image/png", size: 1000 }),
        "UNAUTHORIZED",
      );
      const other = await refusal(
        f.as(shopper()).review.createPhotoUpload({ contentType: "image/gif" as "image/png", size: 10 }),
        "BAD_REQUEST",
      );
      expect(other.message).toMatch(/must be one of image\/jpeg/);
    });
  });
}
