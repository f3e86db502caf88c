// The shared HTTP surface over a real socket on 127.0.0.1: what a caller sees of a refusal, the
// operational endpoints, a service's own routes, the up-front token check, listen and drain.

import { signServiceToken, tokenKey } from "@emporium/auth";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ServiceServer } from "@emporium/runtime/http";
import { TooManyRequestsError } from "../src/errors";
import { createServiceServer, MAX_BATCH_SIZE } from "../src/server";
import { createServiceTrpc, type ServiceContext } from "../src/trpc";
import { testLimiter } from "../src/testing";
import { createTRPCClient } from "@trpc/client";
import { serviceLinks } from "../src/client";

const key = tokenKey("service-kit-test-secret-of-at-least-32-chars");
const log = createLogger({ service: "service-kit-test", level: "silent" });
const { router, publicProcedure } = createServiceTrpc<ServiceContext>({
  service: "test",
  displayName: "The test service",
});

let release: () => void = () => {};
let slowStarted = false;
const appRouter = router({
  echo: publicProcedure
    .input(z.strictObject({ quantity: z.number().int().min(1, "must be at least 1") }))
    .query(({ input }) => input),
  whoami: publicProcedure.query(async ({ ctx }) => (await ctx.principal()).kind),
  whereFrom: publicProcedure.query(({ ctx }) => ctx.clientIp),
  limited: publicProcedure.input(z.strictObject({ wait: z.number().int() })).mutation(({ input }) => {
    throw new TooManyRequestsError(`Too many attempts; try again in ${input.wait} seconds`, input.wait);
  }),
  slow: publicProcedure.query(
    () =>
      new Promise<string>((resolve) => {
        slowStarted = true;
        release = () => resolve("finished");
      }),
  ),
});

const started: ServiceServer[] = [];
afterEach(async () => {
  release();
  for (const s of started.splice(0)) await s.close(100);
});

type Options = Parameters<typeof createServiceServer<typeof appRouter>>[0];
const metrics = createServiceMetrics("service-kit-test");
const serverWith = (extra: Partial<Options> = {}) =>
  createServiceServer({
    router: appRouter,
    log,
    metrics,
    tokenKey: key,
    createContext: (request) => ({ ...request, metrics, limits: { staffMutations: testLimiter() } }),
    ...extra,
  });

async function start(extra: Partial<Options> = {}): Promise<{ kit: ServiceServer; base: string }> {
  const kit = serverWith(extra);
  await kit.listen(0, "127.0.0.1");
  started.push(kit);
  return { kit, base: kit.origin() };
}

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;

describe("createServiceServer", () => {
  it("answers bad input with 400, a message naming the field, the field itself and the request id", async () => {
    const { base } = await start({ headers: { "cache-control": "no-store" } });
    const res = await fetch(`${base}/trpc/echo?${input({ quantity: 0 })}`, {
      headers: { "x-request-id": "abc-123" },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-request-id")).toBe("abc-123");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { error: { message: string; data: { field?: string } } };
    expect(body.error.message).toBe("Invalid input: quantity: must be at least 1");
    expect(body.error.data.field).toBe("quantity");
    expect(JSON.stringify(body)).not.toContain("stack");
  });

  it("answers too many attempts with 429, Retry-After and the wait in the error's data", async () => {
    const { base } = await start();
    const post = (path: string, body: unknown) =>
      fetch(`${base}/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const res = await post("limited", { wait: 840 });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("840");
    const body = (await res.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.message).toBe("Too many attempts; try again in 840 seconds");
    expect(body.error.data).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfterSeconds: 840 });
    // A batch names the longest wait any of its calls was told; other refusals send no Retry-After.
    const batch = await post("limited,limited?batch=1", { 0: { wait: 30 }, 1: { wait: 90 } });
    expect(batch.headers.get("retry-after")).toBe("90");
    const bad = await post("limited", { wait: 1.5 });
    expect([bad.status, bad.headers.get("retry-after")]).toEqual([400, null]);
  });

  it("serves /healthz, /readyz (starting, degraded, ready), /metrics and a JSON 404", async () => {
    const readiness = { ready: false, detail: "seeding the catalog: 40%" };
    let databaseUp = false;
    const check = async () => {
      if (!databaseUp) throw new Error("connection refused");
    };
    const { base } = await start({ readiness, checks: [{ name: "database", check }] });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const starting = await fetch(`${base}/readyz`);
    expect([starting.status, await starting.json()]).toEqual([
      503,
      { status: "starting", detail: "seeding the catalog: 40%" },
    ]);
    readiness.ready = true;
    const degraded = await fetch(`${base}/readyz`);
    expect([degraded.status, await degraded.json()]).toEqual([
      503,
      { status: "degraded", failing: ["database"], checked: ["database"] },
    ]);
    databaseUp = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain("process_cpu_seconds_total");
    const missing = await fetch(`${base}/nope`);
    expect([missing.status, await missing.json()]).toEqual([404, { error: "no route for /nope" }]);
  });

  it("refuses a batch of more than MAX_BATCH_SIZE calls with 400 and runs a small one", async () => {
    const { base } = await start();
    const batch = (n: number) => {
      const inputs = Object.fromEntries(
        Array.from({ length: n }, (_, i) => [String(i), { quantity: i + 1 }]),
      );
      return fetch(`${base}/trpc/${Array(n).fill("echo").join(",")}?batch=1&${input(inputs)}`);
    };
    const small = await batch(2);
    expect(small.status).toBe(200);
    expect(await small.json()).toHaveLength(2);
    expect((await batch(MAX_BATCH_SIZE + 1)).status).toBe(400);
  });

  it("tries the service's own routes first", async () => {
    const { base } = await start({
      routes: async (_req, res, path) => {
        if (path !== "/media/logo.png") return false;
        res.writeHead(200, { "content-type": "image/png" }).end("png");
        return true;
      },
    });
    const res = await fetch(`${base}/media/logo.png`);
    expect([res.status, await res.text()]).toEqual([200, "png"]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("verifies the caller's token on first use, or before any procedure when asked to", async () => {
    const lazy = await start();
    const shopper = await signServiceToken({ kind: "shopper", userId: "u1", email: "a@example.com" }, key);
    const asShopper = await fetch(`${lazy.base}/trpc/whoami`, {
      headers: { authorization: `Bearer ${shopper}` },
    });
    expect(await asShopper.json()).toEqual({ result: { data: "shopper" } });
    // No procedure here reads the caller, so a forged token only matters to one that does.
    const forged = { authorization: "Bearer not.a.token" };
    expect(
      (await fetch(`${lazy.base}/trpc/echo?${input({ quantity: 1 })}`, { headers: forged })).status,
    ).toBe(200);
    expect((await fetch(`${lazy.base}/trpc/whoami`, { headers: forged })).status).toBe(401);

    const strict = await start({ verifyTokenFirst: true });
    const refused = await fetch(`${strict.base}/trpc/echo?${input({ quantity: 1 })}`, { headers: forged });
    expect(refused.status).toBe(401);
  });

  it("puts the shopper's address the calling app names in the context, else the caller's own", async () => {
    const { base } = await start();
    const whereFrom = async (headers: Record<string, string> = {}) =>
      ((await (await fetch(`${base}/trpc/whereFrom`, { headers })).json()) as { result: { data: string } })
        .result.data;
    expect(await whereFrom({ "x-emporium-client-ip": "203.0.113.7" })).toBe("203.0.113.7");
    expect(await whereFrom({ "x-emporium-client-ip": "2001:DB8:0:0:0:0:0:1" })).toBe("2001:db8::1");
    // A direct caller (no header, or one that names no address) is counted by its own address.
    expect(await whereFrom()).toBe("127.0.0.1");
    expect(await whereFrom({ "x-emporium-client-ip": "somewhere; DROP TABLE" })).toBe("127.0.0.1");
    // An app's client names the shopper it calls for beside its own headers.
    const client = createTRPCClient<typeof appRouter>({
      links: serviceLinks({
        url: `${base}/trpc`,
        headers: () => ({ "x-request-id": "from-app" }),
        clientIp: async () => "198.51.100.4",
      }),
    });
    expect(await client.whereFrom.query()).toBe("198.51.100.4");
  });

  it("keeps idle connections longer than callers' pools and refuses a port already taken", async () => {
    const { kit } = await start();
    expect(kit.server.keepAliveTimeout).toBe(65_000);
    const port = Number(new URL(kit.origin()).port);
    await expect(serverWith().listen(port, "127.0.0.1")).rejects.toThrow(/EADDRINUSE/);
  });

  it("lets an in-flight request finish on close and takes no new connection", async () => {
    const { kit, base } = await start();
    const inFlight = fetch(`${base}/trpc/slow`).then((r) => r.json());
    await expect.poll(() => slowStarted, { timeout: 5_000 }).toBe(true);
    const closed = kit.close(10_000);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    release();
    expect(await inFlight).toEqual({ result: { data: "finished" } });
    await closed;
    expect(kit.server.listening).toBe(false);
  });
});
