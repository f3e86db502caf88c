// The gateway (HAProxy, infra/gateway/haproxy.cfg) as CI runs it, against real processes: failover
// while instances are SIGKILLed under steady traffic, HTTPS with a generated certificate, the apps'
// headers and cookies over HTTPS, the public API. Then the same configuration in front of recording
// stand-ins, to show what reaches an upstream: forwarded headers, rate limits, size and time limits,
// and hostile requests refused without touching one.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realServer, requireRealServers, SKIP_MARKER, waitFor } from "@emporium/testkit";
import { freePort } from "@emporium/testkit/processes";
import { makeCertificate, type TestCertificate } from "../src/certificate";
import { GatewayClient, rawRequest } from "../src/clients";
import { haproxyBinary, metric, startGateway, type GatewayPorts } from "../src/haproxy";
import type { Instance } from "../src/instance";
import { STAFF_PROCEDURES } from "../src/public-procedures";
import { Recorder } from "../src/recorder";
import {
  ADMIN_HOST,
  DRAIN_MS,
  SHOP_HOST,
  startGatewayStack,
  storefrontBuilt,
  type GatewayStack,
} from "../src/stack";
import { classifyFailures, steadyTraffic } from "../src/traffic";

const SUITE = "gateway (HAProxy before real processes)";
const haproxy = haproxyBinary(SUITE);
const database = realServer("TEST_DATABASE_URL", `${SUITE} (PostgreSQL)`);
const built = storefrontBuilt();
if (!built) {
  if (requireRealServers())
    throw new Error(`apps/web is not built but REQUIRE_REAL_SERVERS=1: "${SUITE}" starts it (npm run build)`);
  console.warn(`${SKIP_MARKER}: "${SUITE}" (build the storefront first: npm run build -w @emporium/web)`);
}

const listInput = (limit: number) => encodeURIComponent(JSON.stringify({ limit }));

describe.skipIf(!haproxy || !database.available || !built)("the gateway before real instances", () => {
  let stack: GatewayStack;
  let client: GatewayClient;

  beforeAll(async () => {
    stack = await startGatewayStack({
      haproxy: haproxy ?? "",
      databaseAdminUrl: database.url ?? "",
      products: 24,
    });
    client = new GatewayClient(stack.certificate.ca, 8);
  });
  afterAll(async () => {
    await client?.close();
    await stack?.stop();
  });

  it("keeps GETs answered while a catalog and a storefront instance are SIGKILLed, and takes them back", async () => {
    const [catalog1, catalog2] = stack.catalogs;
    const [web1, web2] = stack.webs;
    if (!catalog1 || !catalog2 || !web1 || !web2) throw new Error("two of each upstream");
    const urls = [
      ...stack.slugs.slice(0, 6).map((slug) => stack.shopUrl(`/p/${slug}`)),
      stack.shopUrl(`/api/trpc/product.list?input=${listInput(12)}`),
      stack.shopUrl(`/api/trpc/product.list?input=${listInput(24)}`),
    ];
    const responses = async (server: { proxy: string; server: string }) =>
      (await metric(stack.ports.metrics, "haproxy_server_http_responses_total", {
        proxy: server.proxy,
        server: server.server,
        code: "2xx",
      })) ?? 0;

    let killedAt = 0;
    let outAfterMs = 0;
    const counted: Record<string, number> = {};
    const chaos = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      killedAt = Date.now();
      await Promise.all([catalog2.instance.kill(), web2.instance.kill()]);
      // Out of rotation within 2 s of the kill.
      await waitFor(async () => !(await stack.inRotation(catalog2)) && !(await stack.inRotation(web2)), {
        timeoutMs: 2_000,
        intervalMs: 50,
        what: "the killed instances out of rotation",
      });
      outAfterMs = Date.now() - killedAt;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await Promise.all([stack.restart(catalog2), stack.restart(web2)]);
      for (const upstream of [catalog2, web2]) {
        await waitFor(() => stack.inRotation(upstream), {
          timeoutMs: 5_000,
          what: `${upstream.server} back`,
        });
        counted[upstream.server] = await responses(upstream);
      }
    })();
    const outcomes = await steadyTraffic({ client, urls, clients: 4, durationMs: 30_000 });
    await chaos;

    const { failed, inFlight, unexplained } = classifyFailures(outcomes, killedAt, 1_000);
    console.log(
      `failover: ${outcomes.length} GETs in 30 s, ${failed.length} failed (${inFlight.length} in flight on the killed instances); out of rotation ${outAfterMs} ms after SIGKILL`,
    );
    expect(unexplained, JSON.stringify(unexplained.slice(0, 5))).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(100);
    // Back in rotation, and sent traffic again after the restart.
    for (const upstream of [catalog2, web2])
      expect(await responses(upstream), upstream.server).toBeGreaterThan(counted[upstream.server] ?? 0);
  });

  it("drains an instance told to stop (SIGTERM): not one GET fails", async () => {
    const [catalog1] = stack.catalogs;
    const [web1] = stack.webs;
    if (!catalog1 || !web1) throw new Error("two of each upstream");
    const urls = [
      stack.shopUrl(`/p/${stack.slugs[1] ?? ""}`),
      stack.shopUrl(`/api/trpc/product.list?input=${listInput(12)}`),
    ];
    const stopping = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const stopped = Date.now();
      // Each answers /readyz 503 at once and keeps serving for DRAIN_MS: out of rotation before it exits.
      await Promise.all(
        [catalog1, web1].map(async (upstream) => {
          const exited = upstream.instance.terminate();
          await waitFor(async () => !(await stack.inRotation(upstream)), {
            timeoutMs: DRAIN_MS,
            intervalMs: 50,
            what: `${upstream.server} out of rotation while draining`,
          });
          await exited;
        }),
      );
      expect(Date.now() - stopped).toBeGreaterThanOrEqual(DRAIN_MS);
      await Promise.all([stack.restart(catalog1), stack.restart(web1)]);
    })();
    const outcomes = await steadyTraffic({ client, urls, clients: 4, durationMs: 10_000 });
    await stopping;
    const failed = outcomes.filter((o) => o.status !== 200);
    console.log(`draining: ${outcomes.length} GETs in 10 s, ${failed.length} failed`);
    expect(failed, JSON.stringify(failed.slice(0, 5))).toEqual([]);
    for (const upstream of [catalog1, web1])
      await waitFor(() => stack.inRotation(upstream), { timeoutMs: 5_000, what: `${upstream.server} back` });
  });

  it("serves HTTPS with the generated certificate and redirects HTTP to it", async () => {
    const slug = stack.slugs[0] ?? "";
    const page = await client.send(stack.shopUrl(`/p/${slug}`));
    expect(page.status).toBe(200);
    const plain = await client.send(stack.shopUrl(`/p/${slug}?variant=x`, "http"));
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe(stack.shopUrl(`/p/${slug}?variant=x`));
  });

  it("answers over HTTPS with HSTS, the storefront's security headers and __Host- Secure cookies", async () => {
    const page = await client.send(stack.shopUrl(`/p/${stack.slugs[0] ?? ""}`));
    // The storefront's own HSTS stands; the gateway adds one to answers without (its own refusals too).
    expect(page.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    const refusal = await client.send(stack.shopUrl("/api/trpc/admin.products.list"));
    expect(refusal.status).toBe(403);
    expect(refusal.headers["strict-transport-security"]).toBe("max-age=63072000");
    expect(page.headers["content-security-policy"]).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    );
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["x-frame-options"]).toBe("DENY");

    // next-auth's cookies, as NEXTAUTH_URL is https: the CSRF cookie is set on the first visit.
    const csrf = await client.send(stack.shopUrl("/api/auth/csrf"));
    expect(csrf.status).toBe(200);
    const cookies = ([] as string[]).concat(csrf.headers["set-cookie"] ?? []);
    const csrfCookie = cookies.find((c) => c.startsWith("__Host-emporium-shop.csrf-token="));
    expect(csrfCookie, cookies.join("\n")).toBeDefined();
    expect(csrfCookie).toMatch(/; Secure/i);
    expect(csrfCookie).toMatch(/; HttpOnly/i);
    expect(csrfCookie).toMatch(/; Path=\//i);
    expect(csrfCookie).not.toMatch(/; Domain=/i);
  });

  it("passes a review form over 1 MiB to the storefront's review page, and the same body elsewhere not", async () => {
    const slug = stack.slugs[0] ?? "";
    // A review form as a browser posts it without JavaScript: two photos, 3 MiB in all.
    const boundary = "----emporium-gateway-test";
    const photo = (n: number) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="photo-${n}"; filename="${n}.jpg"\r\n` +
      `Content-Type: image/jpeg\r\n\r\n${"x".repeat(1.5 * 1024 * 1024)}\r\n`;
    const body = `${photo(1)}${photo(2)}--${boundary}--\r\n`;
    // The storefront answers it itself (here: a shopper not signed in is sent to sign in).
    const review = await client.send(stack.shopUrl(`/p/${slug}/review`), {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(review.status).not.toBe(413);
    expect(review.body).not.toMatch(/larger than this site accepts/);
    // The same form to the product page: the gateway's 413 once the head is read (the body is not sent
    // whole: the gateway closes the connection on it).
    const product = await rawRequest({
      port: stack.ports.https,
      tls: { servername: SHOP_HOST, ca: stack.certificate.ca },
      parts: [
        `POST /p/${slug} HTTP/1.1\r\nHost: ${SHOP_HOST}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
        body.slice(0, 64 * 1024),
      ],
      timeoutMs: 10_000,
    });
    expect(product.status).toBe(413);
  });

  it("serves the catalog's public procedures under /api/trpc and refuses its staff procedures", async () => {
    const list = await client.send(stack.shopUrl(`/api/trpc/product.list?input=${listInput(3)}`));
    expect(list.status).toBe(200);
    expect(list.headers["strict-transport-security"]).toBeDefined();
    const data = JSON.parse(list.body) as { result: { data: { items: unknown[] } } };
    expect(data.result.data.items).toHaveLength(3);
    const batch = await client.send(stack.shopUrl(`/api/trpc/category.tree,home.get?batch=1&input=%7B%7D`));
    expect(batch.status).toBe(200);
    for (const name of STAFF_PROCEDURES) {
      const staff = await client.send(stack.shopUrl(`/api/trpc/${name}?input=%7B%7D`));
      expect(staff.status, name).toBe(403);
    }
  });
});

/** The gateway before recording stand-ins, with low limits and a short request timeout. */
describe.skipIf(!haproxy)("the gateway's refusals and what reaches an instance", () => {
  const recorders = {
    web: new Recorder("web"),
    admin: new Recorder("admin"),
    catalog: new Recorder("catalog"),
  };
  const all = Object.values(recorders);
  let workDir = "";
  let certificate: TestCertificate;
  let ports: GatewayPorts;
  let gateway: Instance | undefined;
  let client: GatewayClient;
  const url = (host: string, pathAndQuery: string) => `https://${host}:${ports.https}${pathAndQuery}`;
  const LIMITS = { signIn: 3, checkout: 2, pages: 40, api: 60 };

  /** What any stand-in received while `action` ran. */
  const reaching = async (action: () => Promise<unknown>) => {
    const before = all.map((r) => r.requests.length);
    await action();
    return all.flatMap((r, i) => r.requests.slice(before[i]));
  };
  const raw = (parts: (string | Buffer | number)[], timeoutMs = 10_000) =>
    rawRequest({ port: ports.https, tls: { servername: SHOP_HOST, ca: certificate.ca }, parts, timeoutMs });

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "emporium-gateway-edge-"));
    certificate = await makeCertificate(workDir, [SHOP_HOST, ADMIN_HOST]);
    const upstreamPorts = { web: await freePort(), admin: await freePort(), catalog: await freePort() };
    for (const [name, recorder] of Object.entries(recorders))
      await recorder.listen(upstreamPorts[name as keyof typeof upstreamPorts]);
    ports = { http: await freePort(), https: await freePort(), metrics: await freePort() };
    gateway = await startGateway({
      binary: haproxy ?? "",
      name: "gateway (stand-ins)",
      ports,
      logFile: path.join(workDir, "gateway.log"),
      env: {
        GATEWAY_SHOP_HOST: SHOP_HOST,
        GATEWAY_ADMIN_HOST: ADMIN_HOST,
        GATEWAY_CERT: certificate.pemFile,
        WEB_1: `127.0.0.1:${upstreamPorts.web}`,
        ADMIN_1: `127.0.0.1:${upstreamPorts.admin}`,
        CATALOG_1: `127.0.0.1:${upstreamPorts.catalog}`,
        GATEWAY_RATE_SIGNIN: String(LIMITS.signIn),
        GATEWAY_RATE_CHECKOUT: String(LIMITS.checkout),
        GATEWAY_RATE_API: String(LIMITS.api),
        GATEWAY_RATE_PAGES: String(LIMITS.pages),
        GATEWAY_REQUEST_TIMEOUT: "2s",
      },
    });
    for (const proxy of ["web", "admin", "catalog"])
      await waitFor(
        async () =>
          (await metric(ports.metrics, "haproxy_server_status", {
            proxy,
            server: `${proxy}1`,
            state: "UP",
          })) === 1,
        { timeoutMs: 10_000, what: `${proxy} in rotation` },
      );
    client = new GatewayClient(certificate.ca);
  });
  afterAll(async () => {
    await client?.close();
    await gateway?.stop();
    for (const recorder of all) await recorder.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("tells an instance the client's address as the gateway saw it, never as the client wrote it", async () => {
    const forged = {
      "x-emporium-client-ip": "203.0.113.66",
      "x-forwarded-for": "203.0.113.66",
      "x-forwarded-host": "evil.example",
      forwarded: "for=203.0.113.66",
    };
    const [page] = await recorders.web.during(() => client.send(url(SHOP_HOST, "/p/x"), { headers: forged }));
    expect(page?.headers["x-emporium-client-ip"]).toBeUndefined();
    expect(page?.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(page?.headers["x-forwarded-proto"]).toBe("https");
    expect(page?.headers["x-forwarded-host"]).toBe(`${SHOP_HOST}:${ports.https}`);
    expect(page?.headers.forwarded).toBeUndefined();

    // The catalog believes x-emporium-client-ip: for the public API the gateway names the client itself.
    const [api] = await recorders.catalog.during(() =>
      client.send(url(SHOP_HOST, "/api/trpc/product.list?input=%7B%7D"), { headers: forged }),
    );
    expect(api?.url).toBe("/trpc/product.list?input=%7B%7D");
    expect(api?.headers["x-emporium-client-ip"]).toBe("127.0.0.1");
    expect(api?.headers["x-forwarded-for"]).toBe("127.0.0.1");

    const [admin] = await recorders.admin.during(() => client.send(url(ADMIN_HOST, "/products")));
    expect(admin?.url).toBe("/products");
  });

  it("refuses staff procedures and writes under /api/trpc before the catalog sees them", async () => {
    const reached = await reaching(async () => {
      for (const name of STAFF_PROCEDURES) {
        expect((await client.send(url(SHOP_HOST, `/api/trpc/${name}`))).status, name).toBe(403);
        expect((await client.send(url(SHOP_HOST, `/api/trpc/product.list,${name}?batch=1`))).status).toBe(
          403,
        );
      }
      const post = await client.send(url(SHOP_HOST, "/api/trpc/product.list"), {
        method: "POST",
        body: "{}",
      });
      expect(post.status).toBe(405);
      // Only the storefront's host has the public API; the admin's /api/trpc is the admin's.
    });
    expect(reached).toEqual([]);
  });

  it("answers 413 past the body limits, before the body reaches an instance", async () => {
    const head = (host: string, target: string, length: number) =>
      `POST ${target} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${length}\r\n\r\n`;
    const reached = await reaching(async () => {
      // The storefront's 1 MiB: a 2 MiB form post is refused once its head is read.
      const shop = await raw([head(SHOP_HOST, "/checkout", 2 * 1024 * 1024), Buffer.alloc(64 * 1024)]);
      expect(shop.status).toBe(413);
      const admin = await raw([head(ADMIN_HOST, "/uploads", 11 * 1024 * 1024), Buffer.alloc(64 * 1024)]);
      expect(admin.status).toBe(413);
    });
    expect(reached).toEqual([]);
    // An image upload within the admin's limit goes through, body and all.
    const upload = Buffer.alloc(5 * 1024 * 1024, 1);
    const [forwarded] = await recorders.admin.during(async () => {
      expect((await raw([head(ADMIN_HOST, "/uploads", upload.length), upload])).status).toBe(200);
    });
    expect(forwarded?.bodyBytes).toBe(upload.length);
  });

  it("lets a review with its photos through to the review page only, up to the review form's limit", async () => {
    const head = (method: string, target: string, length: number) =>
      `${method} ${target} HTTP/1.1\r\nHost: ${SHOP_HOST}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${length}\r\n\r\n`;
    // Over the storefront's 1 MiB: a review with two photos.
    const review = Buffer.alloc(3 * 1024 * 1024, 1);
    const [written] = await recorders.web.during(async () => {
      expect((await raw([head("POST", "/p/linen-shirt/review", review.length), review])).status).toBe(200);
    });
    expect(written).toMatchObject({ method: "POST", url: "/p/linen-shirt/review", bodyBytes: review.length });
    const reached = await reaching(async () => {
      // The same size anywhere else on the storefront, the product page or the review page's GET: 413.
      const elsewhere: [string, string][] = [
        ["POST", "/p/linen-shirt"],
        ["POST", "/p/linen-shirt/review/x"],
        ["POST", "/checkout"],
        ["GET", "/p/linen-shirt/review"],
      ];
      for (const [method, target] of elsewhere)
        expect(
          (await raw([head(method, target, review.length), Buffer.alloc(64 * 1024)])).status,
          `${method} ${target}`,
        ).toBe(413);
      // Past the review form's own limit (34 MiB, as the storefront's server actions accept).
      const tooMany = 34 * 1024 * 1024 + 1;
      expect(
        (await raw([head("POST", "/p/linen-shirt/review", tooMany), Buffer.alloc(64 * 1024)])).status,
      ).toBe(413);
    });
    expect(reached).toEqual([]);
  });

  it("refuses hostile requests with a 4xx and touches no instance", async () => {
    const reached = await reaching(async () => {
      const sendTenMegabyteHeader = () =>
        raw([
          `GET / HTTP/1.1\r\nHost: ${SHOP_HOST}\r\nX-Filler: `,
          // A piece at a time, 10 MB in all: the gateway answers and closes after its 16 kB buffer, and
          // a sender that kept writing would have its unread answer discarded by the reset that follows.
          ...Array.from({ length: 320 }, () => [Buffer.alloc(32 * 1024, "a"), 5]).flat(),
          "\r\n\r\n",
        ]);
      // On a loaded machine the next piece can still go out before the answer is read, and the reset
      // it draws discards that answer (status 0): only then is the request sent again.
      let tenMegabyteHeader = await sendTenMegabyteHeader();
      for (let i = 0; i < 3 && tenMegabyteHeader.status === 0; i++)
        tenMegabyteHeader = await sendTenMegabyteHeader();
      expect(tenMegabyteHeader.status).toBeGreaterThanOrEqual(400);
      expect(tenMegabyteHeader.status).toBeLessThan(500);

      const longLine = await raw([`GET /${"a".repeat(100 * 1024)} HTTP/1.1\r\nHost: ${SHOP_HOST}\r\n\r\n`]);
      expect(longLine.status).toBeGreaterThanOrEqual(400);
      expect(longLine.status).toBeLessThan(500);

      // One byte a second: the head never completes within GATEWAY_REQUEST_TIMEOUT (2 s here) → 408.
      const request = `GET /p/x HTTP/1.1\r\nHost: ${SHOP_HOST}\r\nUser-Agent: slow\r\n\r\n`;
      const slow = await raw(
        [...request].flatMap((byte) => [byte, 1_000]),
        15_000,
      );
      expect(slow.status).toBe(408);
      expect(slow.afterMs).toBeLessThan(10_000);

      // A slow body is held to the same bound.
      const slowBody = await raw([
        `POST /checkout HTTP/1.1\r\nHost: ${SHOP_HOST}\r\nContent-Length: 100\r\n\r\n`,
        "a",
        1_000,
        "b",
        1_000,
        "c",
        1_000,
        "d",
      ]);
      expect(slowBody.status).toBe(408);

      for (const target of ["/a/../p/x", "/a/%2e%2e/p/x", "/a/%2E%2E/p/x", "/..", "/a/..\\p"]) {
        const dotted = await raw([`GET ${target} HTTP/1.1\r\nHost: ${SHOP_HOST}\r\n\r\n`]);
        expect(dotted.status, target).toBe(400);
      }

      const unknownHost = await raw([`GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n`]);
      expect(unknownHost.status).toBe(421);
      const unknownPlain = await rawRequest({
        port: ports.http,
        parts: [`GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n`],
        timeoutMs: 5_000,
      });
      expect(unknownPlain.status).toBe(421);
      const twoHosts = await raw([`GET / HTTP/1.1\r\nHost: ${SHOP_HOST}\r\nHost: evil.example\r\n\r\n`]);
      expect(twoHosts.status).toBe(400);

      // The apps' own /metrics is for the monitoring namespace, never the public hosts.
      for (const host of [SHOP_HOST, ADMIN_HOST])
        for (const target of ["/metrics", "/metrics/"]) {
          const metrics = await raw([`GET ${target} HTTP/1.1\r\nHost: ${host}\r\n\r\n`]);
          expect(metrics.status, `${host}${target}`).toBe(404);
        }
    });
    expect(reached).toEqual([]);
  });

  it("limits each route class per address with 429 and Retry-After", async () => {
    const signIn = async (host: string) =>
      client.send(url(host, "/api/auth/callback/credentials"), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "email=a%40b.example&password=wrong",
      });
    const passed = await reaching(async () => {
      for (let i = 0; i < LIMITS.signIn; i++) expect((await signIn(ADMIN_HOST)).status).toBe(200);
      // The sign-in class counts both apps' sign-ins together.
      const refused = await signIn(SHOP_HOST);
      expect(refused.status).toBe(429);
      expect(refused.headers["retry-after"]).toBe("60");
      expect(refused.headers["content-type"]).toBe("text/plain");
      expect(refused.body).toMatch(/Too many sign-in attempts/);
    });
    expect(passed).toHaveLength(LIMITS.signIn);

    const checkout = () => client.send(url(SHOP_HOST, "/checkout"), { method: "POST", body: "[]" });
    for (let i = 0; i < LIMITS.checkout; i++) expect((await checkout()).status).toBe(200);
    expect((await checkout()).headers["retry-after"]).toBe("60");

    // Pages are a class of their own: still served.
    expect((await client.send(url(SHOP_HOST, "/"))).status).toBe(200);

    // Each class is judged by its own limit: the API's calls go on past the pages' limit, up to the API's.
    const statusesOf = async (target: string, n: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i++) statuses.push((await client.send(url(SHOP_HOST, target))).status);
      return statuses;
    };
    const api = await statusesOf("/api/trpc/product.list?input=%7B%7D", LIMITS.api + 1);
    expect(api.slice(0, LIMITS.pages + 1)).toEqual(Array(LIMITS.pages + 1).fill(200));
    expect(api.at(-1)).toBe(429);
    expect(api.slice(api.indexOf(429)).every((s) => s === 429)).toBe(true);
    const apiRefusal = await client.send(url(SHOP_HOST, "/api/trpc/product.list?input=%7B%7D"));
    expect(apiRefusal.headers["retry-after"]).toBe("10");

    const pages = await statusesOf("/p/x", LIMITS.pages + 1);
    expect(pages[0]).toBe(200);
    expect(pages.at(-1)).toBe(429);
    const pageRefusal = await client.send(url(SHOP_HOST, "/p/x"));
    expect(pageRefusal.headers["retry-after"]).toBe("10");
  });
});
