// MongoDB dies while shoppers read reviews, then comes back. A mongo-java-server of this test's own
// (never the shared one) is killed under a loop of review.list/review.summary calls over HTTP: every call
// meanwhile — reading or writing — answers 503 "Reviews are unavailable right now" within 3 s (the 2 s
// server-selection timeout, not a hang), /readyz says the document store is degraded, one warning is
// logged for the whole outage and nothing escapes as an unhandled error or a 500. The server is then
// started again on the same port, and the same service — same process, same MongoClient, never
// restarted — answers again within seconds: the driver reconnects by itself.
//
// mongo-java-server keeps everything in memory, so the server that comes back is empty: the review
// written before the outage is gone, and so are the collections' indexes. (A real MongoDB keeps both on
// disk; this is what a lost or replaced database looks like.) So recovery is proved on the new, empty
// server: the indexes are created again before the first operation after the outage, a shopper's write
// succeeds, and the one-review-per-product rule (a unique index) refuses a second one with 409.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MongoClient } from "mongodb";
import { TRPCClientError } from "@trpc/client";
import { signServiceToken, type Principal } from "@emporium/auth";
import { InProcessEventBus } from "@emporium/messaging";
import { createServiceMetrics } from "@emporium/observability";
import { realServer, waitFor } from "@emporium/testkit";
import { dedicatedMongo, freePort, type DedicatedMongo } from "@emporium/testkit/processes";
import { COLLECTIONS, INDEXES } from "../src/adapters/mongo/mongo-connection";
import { mongoReviewsStorage } from "../src/adapters/mongo/mongo-storage";
import { createReviewsClient, type ReviewsClient } from "../src/client";
import type { ReviewsStorage } from "../src/ports/reviews-storage";
import { createReviewsService, type ReviewsService } from "../src/service";
import { log, MapProductDirectory } from "./fixture";

const mongoServer = realServer("TEST_MONGO_SERVER_CLASSPATH", "reviews through a MongoDB outage and back");

/** What a call answered: an HTTP status (0: no answer at all), how long it took, and when it started. */
interface Outcome {
  startedAt: number;
  ms: number;
  status: number;
  message: string;
}

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  const startedAt = performance.now();
  try {
    await call();
    return { startedAt, ms: performance.now() - startedAt, status: 200, message: "" };
  } catch (err) {
    const ms = performance.now() - startedAt;
    if (err instanceof TRPCClientError) {
      const status: unknown = (err.data as { httpStatus?: unknown } | undefined)?.httpStatus;
      return { startedAt, ms, status: typeof status === "number" ? status : 0, message: err.message };
    }
    return { startedAt, ms, status: 0, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Shoppers reading a product's reviews over and over, two at a time, until stopped. */
function readTraffic(client: ReviewsClient, productId: string) {
  const outcomes: Outcome[] = [];
  let running = true;
  const reader = async (sort: "newest" | "helpful") => {
    while (running) {
      outcomes.push(await outcomeOf(() => client.review.list.query({ productId, sort, limit: 20 })));
      outcomes.push(await outcomeOf(() => client.review.summary.query({ productId })));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const readers = [reader("newest"), reader("helpful")];
  return {
    outcomes,
    since: (t: number) => outcomes.filter((o) => o.startedAt >= t),
    async stop() {
      running = false;
      await Promise.all(readers);
    },
  };
}

const UNAVAILABLE = /^Reviews are unavailable right now/;

describe.runIf(mongoServer.available)("reviews through a MongoDB outage and back", () => {
  const tokenKey = new Uint8Array(randomBytes(32));
  const dbName = "reviews_outage";
  const productId = randomUUID();
  const shopper: Principal = { kind: "shopper", userId: randomUUID(), email: "outage@example.com" };
  const unhandled: unknown[] = [];
  const onUnhandled = (err: unknown) => void unhandled.push(err);
  let mongo: DedicatedMongo;
  let storage: ReviewsStorage;
  let events: InProcessEventBus;
  let service: ReviewsService;
  let base: string;
  let anonymous: ReviewsClient;
  let signedIn: ReviewsClient;
  let traffic: ReturnType<typeof readTraffic>;
  let killedAt = 0;

  const write = () =>
    signedIn.review.write.mutate({ productId, rating: 4, title: "Sturdy", body: "Survived a drop." });
  const received = () =>
    storage.purchases.recordPurchases(shopper.userId, [productId], randomUUID(), new Date());
  const readyz = async () => (await fetch(`${base}/readyz`)).json() as Promise<unknown>;

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    process.on("uncaughtException", onUnhandled);
    mongo = await dedicatedMongo(mongoServer.url ?? "");
    // The service's own default timeouts (2 s server selection, 5 s socket): the bounds below hold for them.
    storage = mongoReviewsStorage({ url: mongo.url, dbName, log });
    events = new InProcessEventBus(log, { delaysMs: [50, 100, 200] });
    service = createReviewsService({
      storage,
      products: new MapProductDirectory(),
      // With a bus the rating relay runs too, and keeps polling MongoDB through the outage.
      events,
      relayIntervalMs: 200,
      log,
      metrics: createServiceMetrics("reviews-outage"),
      tokenKey,
    });
    const port = await freePort();
    await service.server.listen(port, "127.0.0.1");
    await service.start();
    base = `http://127.0.0.1:${port}`;
    anonymous = createReviewsClient({ url: `${base}/trpc` });
    const token = await signServiceToken(shopper, tokenKey);
    signedIn = createReviewsClient({
      url: `${base}/trpc`,
      headers: () => ({ authorization: `Bearer ${token}` }),
    });
  });

  afterAll(async () => {
    await traffic?.stop();
    await service?.stop();
    await service?.server.close();
    await events?.close();
    await storage?.close();
    await mongo?.stop();
    process.off("unhandledRejection", onUnhandled);
    process.off("uncaughtException", onUnhandled);
  });

  it("serves reviews while MongoDB is up", async () => {
    await received();
    await write();
    expect((await signedIn.review.mine.query({})).total).toBe(1);
    traffic = readTraffic(anonymous, productId);
    await waitFor(() => traffic.outcomes.filter((o) => o.status === 200).length >= 10, {
      what: "reviews traffic answered",
    });
    expect(traffic.outcomes.every((o) => o.status === 200)).toBe(true);
    expect(await readyz()).toEqual({ status: "ready", checked: ["document store"] });
  });

  it("answers 503 'Reviews are unavailable right now' within 3 s while it is down, and keeps running", async () => {
    const warn = vi.spyOn(log, "warn");
    killedAt = performance.now();
    await mongo.stop();

    const calls = [
      await outcomeOf(() => anonymous.review.list.query({ productId, sort: "newest", limit: 20 })),
      await outcomeOf(() => anonymous.review.summary.query({ productId })),
      await outcomeOf(write),
      await outcomeOf(() => signedIn.review.mine.query({})),
    ];
    for (const call of calls) {
      expect(call).toMatchObject({ status: 503, message: expect.stringMatching(UNAVAILABLE) });
      expect(call.ms).toBeLessThan(3_000);
    }
    // The readers meet the same answer, each as quickly.
    await waitFor(() => traffic.since(killedAt).filter((o) => o.status === 503).length >= 6, {
      timeoutMs: 20_000,
      what: "the readers to meet the outage",
    });
    for (const o of traffic.since(killedAt)) {
      expect(o).toMatchObject({ status: 503, message: expect.stringMatching(UNAVAILABLE) });
      expect(o.ms).toBeLessThan(3_000);
    }

    // Still in rotation, so that every caller gets the clear 503 rather than a refused connection.
    expect(await readyz()).toEqual({
      status: "degraded",
      failing: ["document store"],
      checked: ["document store"],
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // One warning for the whole outage, not one per request (the relay, polling meanwhile, says once
    // that summaries wait); no 500, nothing thrown past the service.
    const warnings = warn.mock.calls.map((args) => args.find((a) => typeof a === "string"));
    expect(warnings).toContain("MongoDB is unreachable: reviews answer 503 until it is back");
    expect(new Set(warnings).size).toBe(warnings.length);
    expect(unhandled).toEqual([]);
    warn.mockRestore();
  });

  it("answers again on the restarted server without the service being restarted", async () => {
    const info = vi.spyOn(log, "info");
    await mongo.start();
    const restartedAt = performance.now();
    // The driver finds the server again by itself (its monitor, nudged by the waiting requests).
    await waitFor(() => traffic.since(restartedAt).some((o) => o.status === 200), {
      timeoutMs: 15_000,
      what: "the reviews service to answer again after MongoDB returned",
    });
    expect(info).toHaveBeenCalledWith({ dependency: "MongoDB" }, "MongoDB is back");
    expect(await readyz()).toEqual({ status: "ready", checked: ["document store"] });

    // The server that came back is empty (mongo-java-server is in memory): the earlier review is gone.
    expect((await signedIn.review.mine.query({})).total).toBe(0);
    // The indexes were created again before the first operation after the outage…
    const admin = new MongoClient(mongo.url, { serverSelectionTimeoutMS: 2_000 });
    try {
      for (const [name, wanted] of Object.entries(INDEXES) as [
        keyof typeof COLLECTIONS,
        typeof INDEXES.reviews,
      ][]) {
        if (wanted.length === 0) continue;
        const names = (await admin.db(dbName).collection(COLLECTIONS[name]).indexes()).map((i) => i.name);
        expect(names).toEqual(expect.arrayContaining(wanted.map((i) => i.name)));
      }
    } finally {
      await admin.close();
    }
    // …so a shopper who received the product writes again, and a second review is refused as before.
    await received();
    expect(await outcomeOf(write)).toMatchObject({ status: 200 });
    expect(await outcomeOf(write)).toMatchObject({ status: 409 });
    expect((await signedIn.review.mine.query({})).total).toBe(1);

    // Readers after the return were all answered; over the whole run no call failed any other way.
    await traffic.stop();
    const answeredAt = Math.min(
      ...traffic.since(restartedAt).flatMap((o) => (o.status === 200 ? [o.startedAt + o.ms] : [])),
    );
    expect(traffic.since(answeredAt).length).toBeGreaterThan(0);
    expect(traffic.since(answeredAt).filter((o) => o.status !== 200)).toEqual([]);
    expect(traffic.outcomes.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);
    expect(unhandled).toEqual([]);
    info.mockRestore();
  });
});
