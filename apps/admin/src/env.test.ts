import { afterEach, describe, expect, it, vi } from "vitest";
import { catalogOrigin, parseAdminEnv } from "./env";

describe("parseAdminEnv", () => {
  it("defaults to the local catalog", () => {
    expect(parseAdminEnv({}).CATALOG_URL).toBe("http://127.0.0.1:4001/trpc");
    expect(catalogOrigin(parseAdminEnv({}).CATALOG_URL)).toBe("http://127.0.0.1:4001");
  });

  it("names the variable that is wrong", () => {
    expect(() => parseAdminEnv({ CATALOG_URL: "catalog" })).toThrow(/CATALOG_URL/);
    expect(() => parseAdminEnv({ REVIEWS_URL: "ftp://reviews/trpc" })).toThrow(/REVIEWS_URL/);
    expect(() => parseAdminEnv({ AUDIT_URL: "audit" })).toThrow(/AUDIT_URL/);
    expect(() => parseAdminEnv({ PAYMENT_OPS_URL: "payment:4022" })).toThrow(/PAYMENT_OPS_URL/);
  });

  it("watches the workers, the provider and the storefront only where told, by their origins", () => {
    expect(parseAdminEnv({}).PAYMENT_OPS_URL).toBeUndefined();
    const e = parseAdminEnv({ FULFILLMENT_OPS_URL: "http://fulfillment:4023/", PSP_URL: "http://psp:4010" });
    expect([e.FULFILLMENT_OPS_URL, e.PSP_URL, e.STOREFRONT_OPS_URL]).toEqual([
      "http://fulfillment:4023",
      "http://psp:4010",
      undefined,
    ]);
  });
});

describe("admin secrets", () => {
  it("are optional (development secrets are generated) but must be long enough when set", () => {
    const e = parseAdminEnv({});
    expect(e.SERVICE_TOKEN_SECRET).toBeUndefined();
    expect(e.IDENTITY_URL).toBe("http://127.0.0.1:4003/trpc");
    expect(e.ORDERS_URL).toBe("http://127.0.0.1:4002/trpc");
    expect(e.INVENTORY_URL).toBe("http://127.0.0.1:4021/trpc");
    expect(e.REVIEWS_URL).toBe("http://127.0.0.1:4024/trpc");
    expect(e.AUDIT_URL).toBe("http://127.0.0.1:4025/trpc");
    expect(parseAdminEnv({ AUDIT_URL: "http://audit:4025/trpc/" }).AUDIT_URL).toBe("http://audit:4025/trpc");
    expect(() => parseAdminEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32/);
  });
});

describe("single sign-on settings", () => {
  it("are off by default, on with all three, and refused half set", () => {
    expect(parseAdminEnv({}).OIDC).toBeNull();
    const on = parseAdminEnv({
      OIDC_ISSUER: "https://login.example.com/realms/shop",
      OIDC_CLIENT_ID: "emporium-admin",
      OIDC_CLIENT_SECRET: "s3cret",
    });
    expect(on.OIDC).toEqual({
      issuer: "https://login.example.com/realms/shop",
      clientId: "emporium-admin",
      clientSecret: "s3cret",
      name: "single sign-on",
    });
    expect(() => parseAdminEnv({ OIDC_ISSUER: "https://login.example.com" })).toThrow(/set together/);
    expect(() =>
      parseAdminEnv({ OIDC_ISSUER: "login", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }),
    ).toThrow(/OIDC_ISSUER/);
  });
});

describe("the admin's environment", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("is read whole: tracing and log shipping take effect when set", async () => {
    vi.stubEnv("TRACING_EXPORTER", "zipkin");
    vi.stubEnv("TRACING_SAMPLE_RATIO", "1");
    vi.stubEnv("LOG_LEVEL", "warn");
    vi.stubEnv("LOG_SHIP_URL", "http://opensearch:9200");
    vi.resetModules();
    const { env } = await import("./env");
    expect(env).toMatchObject({
      TRACING_EXPORTER: "zipkin",
      TRACING_SAMPLE_RATIO: 1,
      LOG_LEVEL: "warn",
      LOG_SHIP_URL: "http://opensearch:9200",
    });
  });
});
