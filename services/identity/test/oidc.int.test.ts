// Single sign-on on PGlite and PostgreSQL: ID tokens from a provider served over real HTTP (discovery
// document and key set), verified by the identity service itself; accounts found, linked or created,
// and every kind of bad token refused.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { testDatabaseTargets } from "@emporium/db/testing";
import { ensureDevAccounts } from "../src/service";
import { OIDC_NOT_CONFIGURED, OIDC_UNVERIFIED_EMAIL } from "../src/api/router/auth/signInWithOidc";
import { createIdentityFixture, log, refusal, type IdentityFixture } from "./fixture";

const CLIENT = "emporium-admin";

/** A provider's published half: discovery and key set. Tokens are signed by the test. */
async function startProvider(): Promise<{ issuer: string; key: CryptoKey; server: Server }> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "test-key", use: "sig", alg: "RS256" };
  let issuer = "";
  const server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/.well-known/openid-configuration")
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    else if (req.url === "/jwks") res.end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, key: privateKey, server };
}

describe.each(testDatabaseTargets("identity single sign-on"))("OIDC sign-in on $name", (target) => {
  let f: IdentityFixture;
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let other: CryptoKey;

  beforeAll(async () => {
    provider = await startProvider();
    other = (await generateKeyPair("RS256")).privateKey;
    f = await createIdentityFixture(target, {
      oidc: { issuer: provider.issuer, clientIds: ["shop-web", CLIENT] },
    });
    await ensureDevAccounts(f.db, log);
  });
  afterAll(async () => {
    await f?.dispose();
    provider?.server.close();
  });

  function idToken(
    claims: Record<string, unknown>,
    o: { key?: CryptoKey; audience?: string; issuer?: string; expiresIn?: string } = {},
  ) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "test-key" })
      .setIssuer(o.issuer ?? provider.issuer)
      .setAudience(o.audience ?? CLIENT)
      .setIssuedAt()
      .setExpirationTime(o.expiresIn ?? "5m")
      .sign(o.key ?? provider.key);
  }

  it("creates a shopper for a new person and finds them again by subject", async () => {
    const token = await idToken({
      sub: "user-17",
      email: "New.Person@Example.com",
      email_verified: true,
      name: "New Person",
    });
    const first = await f.as().auth.signInWithOidc({ idToken: token });
    expect(first).toMatchObject({ email: "new.person@example.com", name: "New Person", role: null });
    // The email may change at the provider; the subject is what identifies them.
    const again = await f.as().auth.signInWithOidc({
      idToken: await idToken({ sub: "user-17", email: "renamed@example.com", email_verified: true }),
    });
    expect(again.id).toBe(first.id);
    const user = await f.db.prisma.user.findUniqueOrThrow({
      where: { id: first.id },
      include: { oidcAccounts: true },
    });
    expect(user.passwordHash).toBeNull();
    expect(user.oidcAccounts.map((a) => [a.issuer, a.subject])).toEqual([[provider.issuer, "user-17"]]);
  });

  it("links a verified email to the existing account, staff role included", async () => {
    const signedIn = await f.as().auth.signInWithOidc({
      idToken: await idToken(
        { sub: "mgr-1", email: "manager@emporium.local", email_verified: true },
        { audience: "shop-web" },
      ),
    });
    expect(signedIn).toMatchObject({ email: "manager@emporium.local", role: "manager" });
  });

  it("refuses an unverified email that matches an account, and every bad token", async () => {
    const before = await f.db.prisma.oidcAccount.count();
    const unverified = await refusal(
      f.as().auth.signInWithOidc({
        idToken: await idToken({ sub: "sneaky", email: "owner@emporium.local", email_verified: false }),
      }),
      "UNAUTHORIZED",
    );
    expect(unverified.message).toBe(OIDC_UNVERIFIED_EMAIL);
    const claims = { sub: "x-1", email: "x1@example.com", email_verified: true };
    const bad = [
      await idToken(claims, { audience: "someone-else" }),
      await idToken(claims, { issuer: "http://127.0.0.1:1" }),
      await idToken(claims, { key: other }),
      await idToken(claims, { expiresIn: "-5m" }),
    ];
    for (const token of bad) {
      const err = await refusal(f.as().auth.signInWithOidc({ idToken: token }), "UNAUTHORIZED");
      expect(err.message).toMatch(/^The ID token was refused: ERR_/);
    }
    const malformed = await refusal(f.as().auth.signInWithOidc({ idToken: "not a token" }), "BAD_REQUEST");
    expect(malformed.message).toMatch(/idToken/);
    expect(await f.db.prisma.oidcAccount.count()).toBe(before);
    expect(await f.db.prisma.user.count({ where: { email: "x1@example.com" } })).toBe(0);
  });

  it("says so when no provider is configured", async () => {
    const plain = await createIdentityFixture(target);
    try {
      const err = await refusal(
        plain.as().auth.signInWithOidc({ idToken: await idToken({ sub: "a" }) }),
        "PRECONDITION_FAILED",
      );
      expect(err.message).toBe(OIDC_NOT_CONFIGURED);
    } finally {
      await plain.dispose();
    }
  });
});
