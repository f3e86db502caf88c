// Review photos on the embedded defaults: reviews in memory, photos in a local folder with signed forms
// posted to the service's own /uploads (see photo-suite.ts).
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testLimiter } from "@emporium/service-kit/testing";
import { memoryReviewsStorage } from "../src/adapters/memory/memory-storage";
import { createReviewsFixture, localPhotoStorage, refusal, shopper } from "./fixture";
import { photoSuite } from "./photo-suite";

photoSuite("memory and a local folder", true, async () => {
  const cleanups: (() => Promise<void>)[] = [];
  return {
    storage: memoryReviewsStorage(),
    async photos(uploadUrl) {
      const local = await localPhotoStorage(uploadUrl);
      cleanups.push(local.dispose);
      return {
        photoStorage: local.photoStorage,
        objects: local.photoStorage.objects,
        async keys() {
          const entries = await readdir(local.dir, { recursive: true, withFileTypes: true });
          return entries
            .filter((e) => e.isFile())
            .map((e) => path.relative(local.dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
        },
      };
    },
    async dispose() {
      for (const cleanup of cleanups) await cleanup();
    },
  };
});

describe("review photo uploads per shopper", () => {
  it("answers 429 with the wait once a shopper's uploads are spent, and others may go on", async () => {
    const f = await createReviewsFixture(memoryReviewsStorage(), undefined, {
      photoUploads: testLimiter(2, 600),
    });
    try {
      const ann = shopper("ann");
      const ask = (who: typeof ann) =>
        f.as(who).review.createPhotoUpload({ contentType: "image/jpeg", size: 1_000 });
      await ask(ann);
      await ask(ann);
      const limited = await refusal(ask(ann), "TOO_MANY_REQUESTS");
      expect(limited.message).toBe("Too many photo uploads from your account; try again in 10 minutes");
      await ask(shopper("bea"));
    } finally {
      await f.dispose();
    }
  });
});
