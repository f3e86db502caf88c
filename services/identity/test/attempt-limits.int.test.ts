// Guessing passwords and probing emails is limited: each account and each address (network) gets a
// number of sign-in attempts per window and each email a number of sign-up attempts, after which even
// the right password is refused with 429 and a message saying when to try again — through the caller
// and over HTTP with Retry-After. Other accounts and addresses are not affected, and a successful
// sign-in starts the account's count again (never the address's). Staff changes are limited per staff
// member alike.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import { embeddedTestDatabase } from "@emporium/db/testing";
import { createServiceMetrics } from "@emporium/observability";
import { RedisRateLimiter } from "@emporium/rate-limit";
import { realServer, waitFor } from "@emporium/testkit";
import { attemptLimitsOf, identityEnvSchema } from "../src/env";
import { createAttemptLimits, createIdentityService, type IdentityService } from "../src/service";
import { appRouter } from "../src/api/router/_app";
import { createCallerFactory } from "../src/api/trpc";
import { requestAs } from "@emporium/service-kit/testing";
import {
  ANONYMOUS,
  attemptLimits,
  createIdentityFixture,
  log,
  refusal,
  uniqueEmail,
  testMail,
  type IdentityFixture,
} from "./fixture";

const redis = realServer("TEST_REDIS_URL", "identity's sign-in limits shared through Redis");

const createCaller = createCallerFactory(appRouter);
const PASSWORD = "correct horse battery staple";
const LIMITED = /^Too many sign-in attempts for this account; try again in 15 minutes$/;
const LIMITED_HERE = "Too many sign-in attempts from your network; try again in 15 minutes";

describe("attempt limits", () => {
  let f: IdentityFixture;

  beforeAll(async () => {
    // The defaults: 10 sign-in attempts per account per 15 minutes; 2 sign-ups per email here.
    f = await createIdentityFixture(embeddedTestDatabase(), { limits: attemptLimits(10, 2, 15 * 60) });
  });
  afterAll(() => f?.dispose());

  const signIn = (email: string, password: string) => f.as().auth.signIn({ email, password });
  async function account(prefix: string): Promise<string> {
    const email = uniqueEmail(prefix);
    await f.openAccount({ email, password: PASSWORD, name: "Someone" });
    return email;
  }

  it("refuses the 11th attempt in the window, even with the right password, and no other account", async () => {
    const [target, other] = [await account("target"), await account("other")];
    for (let n = 0; n < 10; n++) await refusal(signIn(target, "wrong password"), "UNAUTHORIZED");
    const limited = await refusal(signIn(target, "wrong password"), "TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(LIMITED);
    // However the address is typed, it is the same account.
    const right = await refusal(signIn(target.toUpperCase(), PASSWORD), "TOO_MANY_REQUESTS");
    expect(right.message).toMatch(LIMITED);
    expect(await signIn(other, PASSWORD)).toMatchObject({ email: other });
  });

  it("limits an email with no account alike, so the refusals tell nothing", async () => {
    const nobody = uniqueEmail("nobody");
    for (let n = 0; n < 10; n++) await refusal(signIn(nobody, "wrong password"), "UNAUTHORIZED");
    expect((await refusal(signIn(nobody, "wrong password"), "TOO_MANY_REQUESTS")).message).toMatch(LIMITED);
  });

  it("starts an account's count again when it signs in", async () => {
    const email = await account("forgetful");
    for (let n = 0; n < 9; n++) await refusal(signIn(email, "wrong password"), "UNAUTHORIZED");
    await signIn(email, PASSWORD);
    for (let n = 0; n < 10; n++) await refusal(signIn(email, "wrong password"), "UNAUTHORIZED");
    await refusal(signIn(email, PASSWORD), "TOO_MANY_REQUESTS");
  });

  it("limits sign-up attempts per email", async () => {
    const email = uniqueEmail("keen");
    const first = await f.as().auth.signUp({ email, password: PASSWORD, name: "Keen" });
    expect(await f.as().auth.signUp({ email, password: PASSWORD, name: "Keen" })).toEqual(first);
    const limited = await refusal(
      f.as().auth.signUp({ email, password: PASSWORD, name: "Keen" }),
      "TOO_MANY_REQUESTS",
    );
    expect(limited.message).toBe("Too many sign-up attempts for this email; try again in 15 minutes");
    await f.as().auth.signUp({ email: uniqueEmail("calm"), password: PASSWORD, name: "Calm" });
  });
});

describe("sign-in attempts per address", () => {
  let f: IdentityFixture;

  beforeAll(async () => {
    // 5 attempts per address here (100 by default), and the default 10 per account.
    f = await createIdentityFixture(embeddedTestDatabase(), {
      limits: attemptLimits(10, 10, 15 * 60, { signInPerIp: 5 }),
    });
  });
  afterAll(() => f?.dispose());

  const signIn = (ip: string, email: string, password = "wrong password") =>
    f.as(undefined, ip).auth.signIn({ email, password });

  it("refuses the 6th attempt from one address whichever accounts it tries, and serves other addresses", async () => {
    const email = uniqueEmail("shopper");
    await f.openAccount({ email, password: PASSWORD, name: "Shopper" });
    // One guess at each of five accounts: no account's own limit is near.
    for (let n = 0; n < 5; n++) await refusal(signIn("203.0.113.10", uniqueEmail("guess")), "UNAUTHORIZED");
    const limited = await refusal(signIn("203.0.113.10", email, PASSWORD), "TOO_MANY_REQUESTS");
    expect(limited.message).toBe(LIMITED_HERE);
    expect(limited.cause).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    // The shopper, from their own address, signs in; the refusal spent none of their account's attempts.
    expect(await signIn("198.51.100.20", email, PASSWORD)).toMatchObject({ email });
  });

  it("is not reset by a sign-in, so one account of the guesser's own cannot clear it", async () => {
    const email = uniqueEmail("guesser");
    await f.openAccount({ email, password: PASSWORD, name: "Guesser" });
    for (let n = 0; n < 2; n++) await refusal(signIn("203.0.113.11", uniqueEmail("guess")), "UNAUTHORIZED");
    await signIn("203.0.113.11", email, PASSWORD);
    for (let n = 0; n < 2; n++) await refusal(signIn("203.0.113.11", uniqueEmail("guess")), "UNAUTHORIZED");
    expect((await refusal(signIn("203.0.113.11", email, PASSWORD), "TOO_MANY_REQUESTS")).message).toBe(
      LIMITED_HERE,
    );
  });

  it("counts an IPv6 /64 as one address", async () => {
    for (let n = 0; n < 5; n++)
      await refusal(signIn(`2001:db8:5:6::${n + 1}`, uniqueEmail("guess")), "UNAUTHORIZED");
    await refusal(signIn("2001:db8:5:6:ffff::1", uniqueEmail("guess")), "TOO_MANY_REQUESTS");
    await refusal(signIn("2001:db8:5:7::1", uniqueEmail("guess")), "UNAUTHORIZED");
  });
});

describe("changes per staff member", () => {
  let f: IdentityFixture;

  beforeAll(async () => {
    f = await createIdentityFixture(embeddedTestDatabase(), {
      limits: attemptLimits(10, 10, 15 * 60, { staffMutations: 3 }),
    });
  });
  afterAll(() => f?.dispose());

  it("refuses a staff member's 4th change in the window, not their reads nor another owner's changes", async () => {
    const owner = TEST_PRINCIPALS.owner as Principal;
    const target = await f.openAccount({ email: uniqueEmail("clerk"), password: PASSWORD, name: "Clerk" });
    const setRole = (by: Principal) => f.as(by).admin.staff.setRole({ userId: target.id, role: "support" });
    for (let n = 0; n < 3; n++) await setRole(owner);
    const limited = await refusal(setRole(owner), "TOO_MANY_REQUESTS");
    expect(limited.message).toBe("Too many changes from this staff account; try again in 1 minute");
    expect(limited.cause).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect((await f.as(owner).admin.staff.list()).length).toBeGreaterThan(0);
    const otherOwner: Principal = {
      kind: "staff",
      userId: randomUUID(),
      email: "other-owner@example.com",
      role: "owner",
    };
    expect(await setRole(otherOwner)).toMatchObject({ id: target.id, role: "support" });
  });
});

describe("attempt limits over HTTP", () => {
  let f: IdentityFixture;
  let service: IdentityService;

  beforeAll(async () => {
    f = await createIdentityFixture(embeddedTestDatabase());
    service = createIdentityService({
      db: f.db,
      log,
      metrics: createServiceMetrics("identity-test"),
      tokenKey: f.tokenKey,
      limits: attemptLimits(3, 3, 600, { signInPerIp: 5 }),
      mail: testMail(),
    });
    await service.start();
    await service.server.listen(0, "127.0.0.1");
  });
  afterAll(async () => {
    await service?.server.close(0);
    await f?.dispose();
  });

  it("answers 429 with Retry-After and counts the refusal", async () => {
    const signIn = () =>
      fetch(`${service.server.origin()}/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "someone@example.com", password: "wrong password" }),
      });
    for (let n = 0; n < 3; n++) expect((await signIn()).status).toBe(401);
    const res = await signIn();
    expect(res.status).toBe(429);
    const wait = Number(res.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(590);
    expect(wait).toBeLessThanOrEqual(600);
    const body = (await res.json()) as { error: { message: string; data: { retryAfterSeconds?: number } } };
    expect(body.error.message).toBe("Too many sign-in attempts for this account; try again in 10 minutes");
    expect(body.error.data.retryAfterSeconds).toBe(wait);
    const metrics = await (await fetch(`${service.server.origin()}/metrics`)).text();
    expect(metrics).toMatch(/identity_sign_ins_total\{outcome="limited",service="identity-test"\} 1/);
  });

  it("counts the address the app names in x-emporium-client-ip, answering 429 with Retry-After", async () => {
    const signIn = (clientIp: string, email: string) =>
      fetch(`${service.server.origin()}/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-emporium-client-ip": clientIp },
        body: JSON.stringify({ email, password: "wrong password" }),
      });
    for (let n = 0; n < 5; n++) expect((await signIn("203.0.113.50", uniqueEmail("guess"))).status).toBe(401);
    const res = await signIn("203.0.113.50", uniqueEmail("guess"));
    expect(res.status).toBe(429);
    const wait = Number(res.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(590);
    expect(wait).toBeLessThanOrEqual(600);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toBe("Too many sign-in attempts from your network; try again in 10 minutes");
    expect((await signIn("203.0.113.51", uniqueEmail("guess"))).status).toBe(401);
  });
});

describe.runIf(redis.available)("sign-in attempts per address shared through Redis", () => {
  let f: IdentityFixture;
  const replicas: ReturnType<typeof createAttemptLimits>[] = [];

  beforeAll(async () => {
    f = await createIdentityFixture(embeddedTestDatabase());
    // Two replicas' limits, configured as main.ts configures them: 4 attempts per address here.
    const env = identityEnvSchema.parse({ REDIS_URL: redis.url, SIGN_IN_PER_IP_ATTEMPTS: "4" });
    for (let n = 0; n < 2; n++) replicas.push(createAttemptLimits(attemptLimitsOf(env), log));
    await waitFor(
      () => replicas.every((r) => r.signInPerIp instanceof RedisRateLimiter && r.signInPerIp.shared),
      { what: "the replicas' Redis connections" },
    );
  });
  afterAll(async () => {
    for (const r of replicas) await r.close();
    await f?.dispose();
  });

  it("counts an address's attempts on every replica together, and refuses the 5th on either", async () => {
    const services = replicas.map((limits) =>
      createIdentityService({
        db: f.db,
        log,
        metrics: createServiceMetrics("identity-test"),
        tokenKey: f.tokenKey,
        limits,
        mail: testMail(),
      }),
    );
    for (const s of services) await s.start();
    // Counts outlive a run in the shared Redis: addresses no other run uses.
    const [here, elsewhere] = [randomIp(), randomIp()];
    const signIn = (replica: number, clientIp: string) =>
      createCaller({ ...services[replica]!.base, ...requestAs(ANONYMOUS, { clientIp }) }).auth.signIn({
        email: uniqueEmail("guess"),
        password: "wrong password",
      });
    for (let n = 0; n < 4; n++) await refusal(signIn(n % 2, here), "UNAUTHORIZED");
    for (const replica of [0, 1]) {
      const limited = await refusal(signIn(replica, here), "TOO_MANY_REQUESTS");
      expect(limited.message).toBe(LIMITED_HERE);
    }
    await refusal(signIn(1, elsewhere), "UNAUTHORIZED");
  });
});

/** An address in 10.0.0.0/8 picked at random. */
function randomIp(): string {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `10.${octet()}.${octet()}.${octet()}`;
}
