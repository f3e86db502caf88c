// Cheap checks of infra/gateway/haproxy.cfg, no upstream running: HAProxy accepts it in each upstream
// mode and refuses it without upstreams; the /api pattern admits exactly the catalog's public
// procedures; the admin's body limit fits the largest image upload, the review form's limit is the
// storefront's own for server actions, on the review page's path only.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_IMAGE_BYTES } from "@emporium/catalog/client";
import { makeCertificate } from "./certificate";
import { checkConfig, GATEWAY_CONFIG, haproxyBinary } from "./haproxy";
import { REPO_DIR } from "./instance";
import { PUBLIC_PROCEDURES, STAFF_PROCEDURES } from "./public-procedures";

const config = readFileSync(GATEWAY_CONFIG, "utf8");
const binary = haproxyBinary("gateway configuration check");

const dir = mkdtempSync(path.join(tmpdir(), "emporium-gateway-config-"));
const base = {
  GATEWAY_SHOP_HOST: "shop.example",
  GATEWAY_ADMIN_HOST: "admin.example",
  // haproxy -c loads the certificate.
  GATEWAY_CERT: path.join(dir, "gateway.pem"),
};

describe.skipIf(!binary)("haproxy -c", () => {
  const haproxy = binary ?? "";
  beforeAll(() => makeCertificate(dir, ["shop.example", "admin.example"]));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("accepts explicit upstreams, one or two of each", async () => {
    await checkConfig(haproxy, {
      ...base,
      WEB_1: "127.0.0.1:3000",
      ADMIN_1: "127.0.0.1:3001",
      CATALOG_1: "127.0.0.1:4001",
    });
    const out = await checkConfig(haproxy, {
      ...base,
      ...{
        WEB_1: "127.0.0.1:3000",
        WEB_2: "127.0.0.1:3100",
        ADMIN_1: "127.0.0.1:3001",
        ADMIN_2: "127.0.0.1:3101",
      },
      ...{
        CATALOG_1: "127.0.0.1:4001",
        CATALOG_2: "127.0.0.1:4101",
        GATEWAY_INTERNAL_BIND: "127.0.0.1:8081",
      },
    });
    expect(out).not.toMatch(/WARNING|ALERT/);
  });

  it("accepts DNS upstreams (name:port), as compose and Kubernetes give them", async () => {
    const out = await checkConfig(haproxy, {
      ...base,
      WEB_DNS: "web:3000",
      ADMIN_DNS: "admin:3001",
      CATALOG_DNS: "catalog:4001",
    });
    expect(out).not.toMatch(/WARNING|ALERT/);
  });

  it("refuses to start without an upstream, naming the variables to set", async () => {
    await expect(
      checkConfig(haproxy, { ...base, ADMIN_1: "127.0.0.1:3001", CATALOG_1: "127.0.0.1:4001" }),
    ).rejects.toThrow(/Set WEB_DNS \(name:port\) or WEB_1/);
  });
});

describe("the public API's procedure pattern", () => {
  const pattern = /acl public_procedure path_reg '([^']+)'/.exec(config)?.[1];
  const admits = (path: string) => new RegExp(pattern ?? "^$").test(path);

  it("is in the configuration", () => {
    expect(pattern).toBeDefined();
  });

  it("admits each public procedure, alone and batched", () => {
    for (const name of PUBLIC_PROCEDURES) expect(admits(`/api/trpc/${name}`), name).toBe(true);
    expect(admits(`/api/trpc/${PUBLIC_PROCEDURES.join(",")}`)).toBe(true);
  });

  it("refuses staff procedures, alone or hidden in a batch, and anything else", () => {
    for (const name of STAFF_PROCEDURES) {
      expect(admits(`/api/trpc/${name}`), name).toBe(false);
      expect(admits(`/api/trpc/product.list,${name}`), name).toBe(false);
    }
    for (const path of [
      "/api/trpc/",
      "/api/trpc/product.list,",
      "/api/trpc/product.list/x",
      "/api/trpc/product.listx",
    ])
      expect(admits(path), path).toBe(false);
  });
});

it("lets the admin's largest upload through, as the admin's own limit does", () => {
  const limit = Number(/presetenv GATEWAY_ADMIN_MAX_BODY (\d+)/.exec(config)?.[1]);
  expect(limit).toBe(MAX_IMAGE_BYTES + 64 * 1024);
});

describe("the review form's body limit", () => {
  const limit = Number(/presetenv GATEWAY_SHOP_REVIEW_MAX_BODY (\d+)/.exec(config)?.[1]);
  const pattern = /acl review_form path_reg (\S+)/.exec(config)?.[1];
  const admits = (path: string) => new RegExp(pattern ?? "^$").test(path);

  it("is the storefront's server-action limit, which four photos of 8 MiB and the form fit in", () => {
    const nextConfig = readFileSync(path.join(REPO_DIR, "apps/web/next.config.ts"), "utf8");
    const megabytes = Number(/bodySizeLimit: "(\d+)mb"/.exec(nextConfig)?.[1]);
    expect(limit).toBe(megabytes * 1024 * 1024);
    expect(limit).toBeGreaterThan(4 * 8 * 1024 * 1024);
    expect(limit).toBeGreaterThan(Number(/presetenv GATEWAY_SHOP_MAX_BODY (\d+)/.exec(config)?.[1]));
  });

  it("applies to the review page (/p/<slug>/review) and nowhere else", () => {
    for (const p of ["/p/linen-shirt/review", "/p/x/review", "/p/a1-b2-c3/review"])
      expect(admits(p), p).toBe(true);
    for (const p of [
      "/p/linen-shirt",
      "/p/linen-shirt/review/x",
      "/p/linen-shirt/reviews",
      "/p/Linen/review",
      "/p/-x/review",
      "/p//review",
      "/checkout",
      "/x/p/linen-shirt/review",
    ])
      expect(admits(p), p).toBe(false);
  });
});
