// MongoDB unreachable (a port nothing listens on): over HTTP, every reviews call answers 503 with
// "Reviews are unavailable right now" within the short server-selection timeout instead of hanging,
// /readyz reports the document store failing (degraded, but still taking traffic so every caller gets
// that clear answer) while /healthz stays up, and nothing is a 500.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCClientError } from "@trpc/client";
import { signServiceToken } from "@emporium/auth";
import { InProcessEventBus } from "@emporium/messaging";
import { createServiceMetrics } from "@emporium/observability";
import { freePort } from "@emporium/testkit/processes";
import { mongoReviewsStorage } from "../src/adapters/mongo/mongo-storage";
import { createReviewsClient } from "../src/client";
import { createReviewsService, type ReviewsService } from "../src/service";
import { log, MapProductDirectory } from "./fixture";

describe("reviews while MongoDB is unreachable", () => {
  const tokenKey = new Uint8Array(randomBytes(32));
  let service: ReviewsService;
  let url: string;
  let events: InProcessEventBus;

  beforeAll(async () => {
    const closed = await freePort();
    // The service's own default timeouts: this test proves they are short.
    const storage = mongoReviewsStorage({
      url: `mongodb://127.0.0.1:${closed}`,
      dbName: "reviews_down",
      log,
    });
    events = new InProcessEventBus(log);
    service = createReviewsService({
      storage,
      products: new MapProductDirectory(),
      events,
      log,
      metrics: createServiceMetrics("reviews-down"),
      tokenKey,
    });
    const port = await freePort();
    await service.server.listen(port, "127.0.0.1");
    await service.start();
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await service?.stop();
    await service?.server.close();
    await events?.close();
  });

  async function unavailable(call: Promise<unknown>): Promise<number> {
    const started = performance.now();
    const err = await call.then(
      () => expect.fail("the call went through"),
      (e: unknown) => e,
    );
    const elapsed = performance.now() - started;
    expect(err).toBeInstanceOf(TRPCClientError);
    if (!(err instanceof TRPCClientError)) return elapsed;
    expect(err.data).toMatchObject({ httpStatus: 503, code: "SERVICE_UNAVAILABLE" });
    expect(err.message).toMatch(/^Reviews are unavailable right now/);
    return elapsed;
  }

  it("answers 503 with a clear message within a few seconds, for readers and writers", async () => {
    const anonymous = createReviewsClient({ url: `${url}/trpc` });
    const token = await signServiceToken(
      { kind: "shopper", userId: randomUUID(), email: "shopper@example.com" },
      tokenKey,
    );
    const signedIn = createReviewsClient({
      url: `${url}/trpc`,
      headers: () => ({ authorization: `Bearer ${token}` }),
    });
    const productId = randomUUID();
    const waits = [
      await unavailable(anonymous.review.list.query({ productId })),
      await unavailable(anonymous.review.summary.query({ productId })),
      await unavailable(
        signedIn.review.write.mutate({ productId, rating: 5, title: "Great", body: "Really great." }),
      ),
      await unavailable(signedIn.review.markHelpful.mutate({ reviewId: randomUUID() })),
      await unavailable(signedIn.review.mine.query({})),
    ];
    // The default server-selection timeout is 2 s; nothing waits much longer.
    for (const ms of waits) expect(ms).toBeLessThan(4_000);
  });

  it("still refuses bad input as bad input, without asking MongoDB", async () => {
    const client = createReviewsClient({ url: `${url}/trpc` });
    const err = await client.review.list.query({ productId: "nope" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    if (err instanceof TRPCClientError)
      expect(err.data).toMatchObject({ httpStatus: 400, field: "productId" });
  });

  it("reports the document store degraded on /readyz, staying in rotation to answer those 503s", async () => {
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "degraded",
      failing: ["document store"],
      checked: ["document store"],
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
