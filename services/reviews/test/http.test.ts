// The reviews API over HTTP, as the apps reach it, on the embedded store: refusals carry the status, a
// message naming the field and the field itself; a body past the request limit is refused before it is
// read; a token that is not valid is 401; answers are never kept by a shared cache.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCClientError } from "@trpc/client";
import { signServiceToken } from "@emporium/auth";
import { createServiceMetrics } from "@emporium/observability";
import { freePort } from "@emporium/testkit/processes";
import { memoryReviewsStorage } from "../src/adapters/memory/memory-storage";
import { createReviewsClient } from "../src/client";
import { createReviewsService, type ReviewsService } from "../src/service";
import { log, MapProductDirectory } from "./fixture";

describe("reviews over HTTP", () => {
  const tokenKey = new Uint8Array(randomBytes(32));
  const storage = memoryReviewsStorage();
  const customerId = randomUUID();
  const productId = randomUUID();
  let service: ReviewsService;
  let base: string;

  beforeAll(async () => {
    service = createReviewsService({
      storage,
      products: new MapProductDirectory(),
      log,
      metrics: createServiceMetrics("reviews-http"),
      tokenKey,
    });
    const port = await freePort();
    await service.server.listen(port, "127.0.0.1");
    await service.start();
    base = `http://127.0.0.1:${port}`;
    await storage.purchases.recordPurchases(customerId, [productId], randomUUID(), new Date());
  });
  afterAll(async () => {
    await service?.stop();
    await service?.server.close();
  });

  const signedIn = async () => {
    const token = await signServiceToken(
      { kind: "shopper", userId: customerId, email: "s@example.com" },
      tokenKey,
    );
    return createReviewsClient({
      url: `${base}/trpc`,
      headers: () => ({ authorization: `Bearer ${token}` }),
    });
  };

  async function refused(call: Promise<unknown>): Promise<TRPCClientError<never>> {
    const err = await call.then(
      () => expect.fail("the call went through"),
      (e: unknown) => e,
    );
    if (!(err instanceof TRPCClientError)) throw err;
    return err;
  }

  it("names the field of bad input in the message and the data", async () => {
    const client = await signedIn();
    const err = await refused(
      client.review.write.mutate({ productId, rating: 6, title: "Too good", body: "Really." }),
    );
    expect(err.data).toMatchObject({ httpStatus: 400, field: "rating" });
    expect(err.message).toBe("Invalid input: rating: must be a whole number of stars from 1 to 5");
    const long = await refused(
      client.review.write.mutate({ productId, rating: 5, title: "Long", body: "x".repeat(5_001) }),
    );
    expect(long.data).toMatchObject({ httpStatus: 400, field: "body" });
    expect(long.message).toBe("Invalid input: body: must be at most 5,000 characters");
    expect((await client.review.mine.query({})).total).toBe(0);
  });

  it("refuses a 100 KB body before reading it, and stores nothing", async () => {
    const token = await signServiceToken(
      { kind: "shopper", userId: customerId, email: "s@example.com" },
      tokenKey,
    );
    const res = await fetch(`${base}/trpc/review.write`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ productId, rating: 5, title: "Huge", body: "x".repeat(100 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await (await signedIn()).review.mine.query({})).total).toBe(0);
  });

  it("answers a shopper's write, a 401 for a forged token, and never lets a cache keep an answer", async () => {
    const written = await (
      await signedIn()
    ).review.write.mutate({
      productId,
      rating: 5,
      title: "<i>Lovely</i>",
      body: "Soft & warm.",
    });
    expect(written).toMatchObject({ status: "pending", title: "<i>Lovely</i>" });
    const forged = createReviewsClient({
      url: `${base}/trpc`,
      headers: () => ({ authorization: "Bearer not.a.token" }),
    });
    expect((await refused(forged.review.mine.query({}))).data).toMatchObject({ httpStatus: 401 });
    const res = await fetch(
      `${base}/trpc/review.summary?input=${encodeURIComponent(JSON.stringify({ productId }))}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
