// Guessing passwords and probing emails is limited: each account gets a number of sign-in attempts per
// window and each email a number of sign-up attempts, after which even the right password is refused
// with 429 and a message saying when to try again — through the caller and over HTTP with Retry-After.
// Other accounts are not affected, and a successful sign-in starts the account's count again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedTestDatabase } from "@emporium/db/testing";
import { createServiceMetrics } from "@emporium/observability";
import { createIdentityService, type IdentityService } from "../src/service";
import {
  attemptLimits,
  createIdentityFixture,
  log,
  refusal,
  uniqueEmail,
  type IdentityFixture,
} from "./fixture";

const PASSWORD = "correct horse battery staple";
const LIMITED = /^Too many sign-in attempts for this account; try again in 15 minutes$/;

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
    await f.as().auth.signUp({ email, password: PASSWORD, name: "Someone" });
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
    await f.as().auth.signUp({ email, password: PASSWORD, name: "Keen" });
    await refusal(f.as().auth.signUp({ email, password: PASSWORD, name: "Keen" }), "CONFLICT");
    const limited = await refusal(
      f.as().auth.signUp({ email, password: PASSWORD, name: "Keen" }),
      "TOO_MANY_REQUESTS",
    );
    expect(limited.message).toBe("Too many sign-up attempts for this email; try again in 15 minutes");
    await f.as().auth.signUp({ email: uniqueEmail("calm"), password: PASSWORD, name: "Calm" });
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
      limits: attemptLimits(3, 3, 600),
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
});
