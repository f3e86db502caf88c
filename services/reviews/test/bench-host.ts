// The reviews service as bench/reviews measures it (`npm run reviews -w @emporium/bench`), in a process
// of its own: it seeds one product's approved reviews straight through the service's store adapter (no
// purchases, no moderation round trips), then serves the API over HTTP as main.ts composes it — without
// a broker or the catalog, which reading reviews does not touch. It lives beside the tests because the
// benchmark may reach the service only through its client; it is run, never imported.
//
// Usage: [MONGO_URL=mongodb://…] node --import tsx test/bench-host.ts '<json: { mongoDb, productId, reviews }>'
// (MongoDB at MONGO_URL, kept out of the arguments, which anyone on the machine can read; memory without)
// stdout: one JSON line per event — { "seeded": n, "of": total } while seeding, then
// { "port": p, "store": "…", "seedSeconds": s } once it listens. SIGTERM stops it.
import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { freePort } from "@emporium/testkit/processes";
import { approveReview, newReview } from "../src/domain/review";
import type { Rating, Review } from "../src/domain/types";
import { createReviewsService, openReviewsStorage, type ReviewsStorage } from "../src/service";
import { MapProductDirectory } from "./fixture";

const options = z
  .strictObject({
    mongoDb: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/),
    productId: z.uuid(),
    reviews: z.number().int().min(1).max(1_000_000),
  })
  .parse(JSON.parse(process.argv[2] ?? "{}"));

const log = createLogger({ service: "reviews-bench", level: "warn" });
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

/** A small deterministic generator, so every run seeds the same shape of data. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORDS =
  "sturdy light comfortable arrived quickly fits well colour faded after washing great value would buy again smaller than expected stitching solid".split(
    " ",
  );

/**
 * Approved reviews spread over two years, ratings leaning to 5 as shops' do, helpful counts mostly
 * small with a long tail (many ties, so the tie-breakers matter), bodies of a few sentences.
 */
function seededReview(productId: string, random: () => number, now: number): Review {
  const r = random();
  const rating: Rating = r < 0.45 ? 5 : r < 0.7 ? 4 : r < 0.82 ? 3 : r < 0.9 ? 2 : 1;
  const words = (n: number) =>
    Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)] ?? "good").join(" ");
  const createdAt = new Date(now - Math.floor(random() * 730 * 86_400_000));
  const written = newReview(
    {
      id: randomUUID(),
      productId,
      customerId: randomUUID(),
      authorName: `Shopper ${Math.floor(random() * 10_000)}`,
      rating,
      title: words(4),
      body: `${words(20 + Math.floor(random() * 60))}.`,
    },
    createdAt,
  );
  const approved = approveReview(written, "bench-moderator", new Date(createdAt.getTime() + 3_600_000));
  return { ...approved, helpfulCount: Math.floor(random() ** 4 * 250) };
}

async function seed(storage: ReviewsStorage): Promise<number> {
  const started = performance.now();
  const random = generator(15);
  const now = Date.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < options.reviews) {
      next += 1;
      const outcome = await storage.reviews.insert(seededReview(options.productId, random, now));
      if (outcome !== "inserted") throw new Error(`seeding a review answered ${outcome}`);
      done += 1;
      if (done % 500 === 0 || done === options.reviews) say({ seeded: done, of: options.reviews });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return (performance.now() - started) / 1000;
}

const storage = openReviewsStorage({
  mongoUrl: process.env.MONGO_URL || undefined,
  mongoDb: options.mongoDb,
  log,
});
const seedSeconds = await seed(storage);
const service = createReviewsService({
  storage,
  products: new MapProductDirectory(),
  log,
  metrics: createServiceMetrics("reviews"),
  tokenKey: new Uint8Array(randomBytes(32)),
});
const port = await freePort();
await service.server.listen(port, "127.0.0.1");
await service.start();
say({ port, store: storage.description, seedSeconds });

process.once("SIGTERM", () => {
  void (async () => {
    await service.stop();
    await service.server.close();
    await storage.close();
    process.exit(0);
  })();
});
