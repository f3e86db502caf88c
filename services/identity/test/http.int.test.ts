// The identity service over HTTP, as the apps' servers reach it with the typed client: the operational
// endpoints, the caller established from the Authorization header, and errors as callers see them —
// bad input naming its field, and an unexpected failure as a plain 500 without internals.
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signServiceToken, type SignedPrincipal } from "@emporium/auth";
import { embeddedTestDatabase } from "@emporium/db/testing";
import { createServiceMetrics } from "@emporium/observability";
import { createIdentityClient, type AppRouter } from "../src/client";
import { createIdentityService, ensureDevAccounts, type IdentityService } from "../src/service";
import {
  attemptLimits,
  createIdentityFixture,
  log,
  testMail,
  uniqueEmail,
  type IdentityFixture,
} from "./fixture";

async function clientError(promise: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(TRPCClientError);
    return err as TRPCClientError<AppRouter>;
  }
  return expect.fail("expected the call to fail");
}

describe("identity over HTTP", () => {
  let f: IdentityFixture;
  let service: IdentityService;
  let origin: string;

  beforeAll(async () => {
    f = await createIdentityFixture(embeddedTestDatabase());
    await ensureDevAccounts(f.db, log);
    // A second service over the same database, not yet started, to see how it answers while starting.
    service = createIdentityService({
      db: f.db,
      log,
      metrics: createServiceMetrics("identity-test"),
      tokenKey: f.tokenKey,
      limits: attemptLimits(),
      mail: testMail(),
    });
    await service.server.listen(0, "127.0.0.1");
    origin = service.server.origin();
  });
  afterAll(async () => {
    await service?.server.close(0);
    await f?.dispose();
  });

  const url = () => `${origin}/trpc`;
  const as = (principal: SignedPrincipal) =>
    createIdentityClient(url(), async () => `Bearer ${await signServiceToken(principal, f.tokenKey)}`);

  it("is alive at once and ready only once started", async () => {
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    expect((await fetch(`${origin}/readyz`)).status).toBe(503);
    const starting = await clientError(
      createIdentityClient(url()).auth.signIn.mutate({ email: "owner@emporium.local", password: "x" }),
    );
    expect(starting.data?.httpStatus).toBe(503);
    await service.start();
    expect(await (await fetch(`${origin}/readyz`)).json()).toEqual({
      status: "ready",
      checked: ["database"],
    });
  });

  it("signs in anonymously and answers with the account and its role", async () => {
    const account = await createIdentityClient(url()).auth.signIn.mutate({
      email: "Manager@Emporium.Local",
      password: "manager-password",
    });
    expect(account).toMatchObject({ email: "manager@emporium.local", role: "manager" });
    const metrics = await (await fetch(`${origin}/metrics`)).text();
    expect(metrics).toMatch(/identity_sign_ins_total\{outcome="ok",service="identity-test"\} [1-9]/);
    expect(metrics).toMatch(/rpc_server_duration_seconds_count\{[^}]*procedure="auth.signIn"/);
  });

  it("refuses bad input with 400, naming the field", async () => {
    const err = await clientError(
      createIdentityClient(url()).auth.signUp.mutate({ email: uniqueEmail(), password: "short", name: "S" }),
    );
    expect(err.data?.httpStatus).toBe(400);
    expect(err.data?.code).toBe("BAD_REQUEST");
    expect(err.data?.field).toBe("password");
    expect(err.message).toMatch(/^Invalid input: password: must be at least 10 characters/);
  });

  it("takes the caller from a verified token: 401 for a bad one, 403 for the wrong role", async () => {
    const owner = await createIdentityClient(url()).auth.signIn.mutate({
      email: "owner@emporium.local",
      password: "owner-password",
    });
    const staff = await as({
      kind: "staff",
      userId: owner.id,
      email: owner.email,
      role: "owner",
    }).admin.staff.list.query();
    expect(staff.map((m) => m.email)).toContain("owner@emporium.local");

    const forged = createIdentityClient(url(), () => "Bearer not.a.token");
    const bad = await clientError(forged.admin.staff.list.query());
    expect(bad.data?.httpStatus).toBe(401);
    // A bad token is refused even on the public procedures: it is never taken for an anonymous call.
    expect(
      (await clientError(forged.auth.signIn.mutate({ email: owner.email, password: "x" }))).data?.code,
    ).toBe("UNAUTHORIZED");

    const anonymous = await clientError(createIdentityClient(url()).admin.staff.list.query());
    expect(anonymous.data?.httpStatus).toBe(401);
    const shopper = as({ kind: "shopper", userId: owner.id, email: "shopper@emporium.local" });
    const forbidden = await clientError(shopper.admin.staff.list.query());
    expect(forbidden.data?.httpStatus).toBe(403);
    expect(forbidden.message).toMatch(/staff\.read/);
  });

  it("answers an unexpected failure with a plain 500 and says nothing of the database", async () => {
    await f.db.sql.exec(`ALTER TABLE identity.users RENAME TO users_gone`);
    try {
      const err = await clientError(
        createIdentityClient(url()).auth.signIn.mutate({
          email: "owner@emporium.local",
          password: "owner-password",
        }),
      );
      expect(err.data?.httpStatus).toBe(500);
      expect(err.message).toMatch(/^The identity service could not answer this request; please try again/);
      expect(err.message).not.toMatch(/users|identity\.|relation|prisma|sql/i);
      expect(err.data).not.toHaveProperty("stack");
      expect((await fetch(`${origin}/readyz`)).status).toBe(503);
    } finally {
      await f.db.sql.exec(`ALTER TABLE identity.users_gone RENAME TO users`);
    }
  });
});
