import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import type { Principal } from "@emporium/auth";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as errors from "./errors";
import type { ServiceLimits } from "./limits";
import { refusal, testLimiter } from "./testing";
import { createServiceTrpc, nulPath, type ServiceContext } from "./trpc";

const { router, publicProcedure, staffProcedure, createCallerFactory } = createServiceTrpc<
  ServiceContext & { stock: number }
>({ service: "test", displayName: "The test service" });

const failures: Record<string, () => Error> = {
  invalid: () => new errors.InvalidInputError("slug", "is already used"),
  missing: () => new errors.NotFoundError("variantId: no such variant", "variantId"),
  conflict: () => new errors.ConflictError("already on the staff"),
  precondition: () => new errors.PreconditionError("no provider configured"),
  unavailable: () => new errors.UnavailableError("payments are down"),
  limited: () => new errors.TooManyRequestsError("Too many attempts; try again in 2 minutes", 120),
  bug: () => new Error('relation "catalog.secret_table" does not exist'),
};

const appRouter = router({
  fail: publicProcedure.input(z.strictObject({ kind: z.string() })).query(({ input }) => {
    const make = failures[input.kind];
    if (!make) throw new Error("unknown kind");
    throw make();
  }),
  echo: publicProcedure
    .input(z.strictObject({ quantity: z.number().int().min(1, "must be at least 1") }))
    .query(({ input, ctx }) => ({ quantity: input.quantity, stock: ctx.stock })),
  greet: publicProcedure
    .input(z.strictObject({ to: z.strictObject({ name: z.string() }) }))
    .query(({ input }) => `Hello, ${input.to.name}`),
  adjust: staffProcedure("inventory.stock.adjust")
    .input(z.strictObject({ delta: z.number().int() }))
    .mutation(({ ctx, input }) => ({ by: ctx.staff.email, delta: input.delta })),
  stockLevel: staffProcedure("inventory.stock.adjust").query(() => 7),
});

const createCaller = createCallerFactory(appRouter);
const metrics = createServiceMetrics("service-kit-test");

function callerAs(
  principal: Principal,
  ready = true,
  limits: ServiceLimits = { staffMutations: testLimiter() },
) {
  return createCaller({
    log: createLogger({ service: "service-kit-test", level: "silent" }),
    metrics,
    requestId: "req-1",
    traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    principal: () => Promise.resolve(principal),
    clientIp: "127.0.0.1",
    limits,
    readiness: { ready, detail: "seeding the catalog: 40%" },
    stock: 7,
  });
}

function principal(name: string): Principal {
  const p = TEST_PRINCIPALS[name];
  if (!p) throw new Error(`no test principal ${name}`);
  return p;
}

describe("createServiceTrpc", () => {
  const anonymous = principal("anonymous");

  it("maps each domain error to its code once, keeping its message", async () => {
    const expected = {
      invalid: ["BAD_REQUEST", "slug: is already used"],
      missing: ["NOT_FOUND", "variantId: no such variant"],
      conflict: ["CONFLICT", "already on the staff"],
      precondition: ["PRECONDITION_FAILED", "no provider configured"],
      unavailable: ["SERVICE_UNAVAILABLE", "payments are down"],
      limited: ["TOO_MANY_REQUESTS", "Too many attempts; try again in 2 minutes"],
    } as const;
    for (const [kind, [code, message]] of Object.entries(expected)) {
      const err = await refusal(callerAs(anonymous).fail({ kind }));
      expect([err.code, err.message]).toEqual([code, message]);
    }
  });

  it("answers an unexpected error as a plain 500 naming the service and request, not the cause", async () => {
    const err = await refusal(callerAs(anonymous).fail({ kind: "bug" }));
    expect(err.code).toBe("INTERNAL_SERVER_ERROR");
    expect(err.message).toBe(
      "The test service could not answer this request; please try again (request req-1)",
    );
    expect(err.message).not.toContain("secret_table");
  });

  it("answers 503 with what the service is doing while it is not ready", async () => {
    const err = await refusal(callerAs(anonymous, false).echo({ quantity: 1 }));
    expect([err.code, err.message]).toEqual([
      "SERVICE_UNAVAILABLE",
      "The test service is starting: seeding the catalog: 40%",
    ]);
  });

  it("refuses a NUL character anywhere in the input as bad input naming the field", async () => {
    const err = await refusal(
      callerAs(principal("anonymous")).greet({ to: { name: "Ada\u0000" } }),
      "BAD_REQUEST",
    );
    expect(err.message).toBe("to.name: must not contain a NUL character");
    expect(await callerAs(principal("anonymous")).greet({ to: { name: "Ada" } })).toBe("Hello, Ada");
    expect(nulPath(["ok", { deep: [1, "bad\u0000"] }])).toBe("1.deep.1");
    expect(nulPath("\u0000")).toBe("");
    expect(nulPath({ fine: "text", n: 1, none: null })).toBeNull();
  });

  it("hands the service's own context to procedures", async () => {
    expect(await callerAs(anonymous).echo({ quantity: 2 })).toEqual({ quantity: 2, stock: 7 });
  });

  it("lets a staff procedure run only for roles holding its permission, before reading the input", async () => {
    const bad = { delta: 1.5 }; // not a whole number: refused by the input schema
    expect((await refusal(callerAs(anonymous).adjust(bad))).code).toBe("UNAUTHORIZED");
    expect((await refusal(callerAs(principal("shopper")).adjust({ delta: 1 }))).code).toBe("FORBIDDEN");
    expect((await refusal(callerAs(principal("support")).adjust({ delta: 1 }))).code).toBe("FORBIDDEN");
    expect(await callerAs(principal("manager")).adjust({ delta: 3 })).toEqual({
      by: "manager@example.com",
      delta: 3,
    });
    expect((await refusal(callerAs(principal("manager")).adjust(bad))).code).toBe("BAD_REQUEST");
  });

  it("limits each staff member's mutations, not their reads nor anyone else's", async () => {
    const limits = { staffMutations: testLimiter(3, 60) };
    const manager = callerAs(principal("manager"), true, limits);
    for (let n = 0; n < 3; n++) await manager.adjust({ delta: 1 });
    const limited = await refusal(manager.adjust({ delta: 1 }), "TOO_MANY_REQUESTS");
    expect(limited.message).toBe("Too many changes from this staff account; try again in 1 minute");
    expect(limited.cause).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(await manager.stockLevel()).toBe(7);
    // Another staff member (the owner) still changes things; a refused role spends nothing.
    expect(await callerAs(principal("owner"), true, limits).adjust({ delta: 2 })).toMatchObject({ delta: 2 });
    await refusal(callerAs(principal("support"), true, limits).adjust({ delta: 1 }), "FORBIDDEN");
  });

  it("counts every call by procedure and code", async () => {
    await refusal(callerAs(anonymous).fail({ kind: "conflict" }));
    const { body } = await metrics.render();
    expect(body).toMatch(
      /rpc_server_errors_total\{procedure="fail",type="query",code="CONFLICT"[^}]*\} [1-9]/,
    );
  });
});

describe("refusal (for tests)", () => {
  it("fails a test whose call was not refused, or refused with another code", async () => {
    await expect(refusal(Promise.resolve("ok"))).rejects.toThrow("expected the call to be refused");
    const conflict = callerAs(principal("anonymous")).fail({ kind: "conflict" });
    await expect(refusal(conflict, "NOT_FOUND")).rejects.toThrow("expected NOT_FOUND, got CONFLICT");
    await expect(refusal(Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});
