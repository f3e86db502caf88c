// The staff stock API over HTTP as the admin calls it: a signed service token, the 4xx answer naming
// the field, 401 without a token, and the ops endpoints on the same port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signServiceToken, type SignedPrincipal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import { embeddedTestDatabase } from "@emporium/db/testing";
import { createInventoryApiFixture, type InventoryApiFixture } from "./api-fixture";

describe("inventory staff API over HTTP", () => {
  let f: InventoryApiFixture;
  let base: string;

  beforeAll(async () => {
    f = await createInventoryApiFixture(embeddedTestDatabase());
    await f.api.server.listen(0, "127.0.0.1");
    base = f.api.server.origin();
  });
  afterAll(async () => {
    await f?.api.server.close(0);
    await f?.dispose();
  });

  const post = async (path: string, body: unknown, as?: SignedPrincipal) =>
    fetch(`${base}/trpc/${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(as ? { authorization: `Bearer ${await signServiceToken(as, f.tokenKey)}` } : {}),
      },
      body: JSON.stringify(body),
    });

  it("answers a refused adjustment with 400 naming the field, and 401 without a token", async () => {
    const level = await f.db.prisma.stockLevel.findFirstOrThrow({ where: { available: { gt: 0 } } });
    const manager = TEST_PRINCIPALS.manager as SignedPrincipal;
    const tooMany = await post(
      "admin.stock.adjust",
      {
        variantId: level.variantId,
        locationId: level.locationId,
        delta: -(level.onHand + 1),
        reason: "lost",
      },
      manager,
    );
    expect(tooMany.status).toBe(400);
    const body = (await tooMany.json()) as { error: { message: string; data: { field?: string } } };
    expect(body.error.data.field).toBe("delta");
    expect(body.error.message).toMatch(/reserved for orders/);

    const noReason = await post(
      "admin.stock.adjust",
      { variantId: level.variantId, locationId: level.locationId, delta: 1 },
      manager,
    );
    expect(noReason.status).toBe(400);
    const noReasonBody = (await noReason.json()) as { error: { message: string; data: { field?: string } } };
    expect(noReasonBody.error.data.field).toBe("reason");
    expect(noReasonBody.error.message).toMatch(/reason: a reason is required/);

    const anonymous = await post("admin.stock.adjust", {
      variantId: level.variantId,
      locationId: level.locationId,
      delta: 1,
      reason: "received",
    });
    expect(anonymous.status).toBe(401);
    const forged = await fetch(`${base}/trpc/admin.stock.low`, { headers: { authorization: "Bearer nope" } });
    expect(forged.status).toBe(401);

    const support = await fetch(`${base}/trpc/admin.stock.low`, {
      headers: {
        authorization: `Bearer ${await signServiceToken(TEST_PRINCIPALS.support as SignedPrincipal, f.tokenKey)}`,
      },
    });
    expect(support.status).toBe(200);
    expect(support.headers.get("cache-control")).toBe("no-store");
  });

  it("serves /healthz and /readyz on the same port", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: "ready", checked: ["database"] });
  });
});
