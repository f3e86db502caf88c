import { describe, expect, it } from "vitest";
import { catalogOrigin, parseWebEnv } from "./env";

describe("parseWebEnv", () => {
  it("defaults to the local backend and site", () => {
    expect(parseWebEnv({})).toMatchObject({
      CATALOG_URL: "http://127.0.0.1:4001/trpc",
      ORDERS_URL: "http://127.0.0.1:4002/trpc",
      PSP_URL: "http://127.0.0.1:4010",
      SITE_URL: "http://localhost:3000",
      SECURE_COOKIES: false,
      IDENTITY_URL: "http://127.0.0.1:4003/trpc",
      REVIEWS_URL: "http://127.0.0.1:4024/trpc",
      OIDC: null,
    });
  });

  it("takes single sign-on settings all together or not at all", () => {
    expect(() => parseWebEnv({ OIDC_ISSUER: "https://login.example" })).toThrow(/set together/);
    expect(
      parseWebEnv({ OIDC_ISSUER: "https://login.example", OIDC_CLIENT_ID: "web", OIDC_CLIENT_SECRET: "s" })
        .OIDC,
    ).toEqual({
      issuer: "https://login.example",
      clientId: "web",
      clientSecret: "s",
      name: "single sign-on",
    });
  });

  it("drops trailing slashes so paths can be appended", () => {
    expect(
      parseWebEnv({
        SITE_URL: "https://shop.example/",
        CATALOG_URL: "http://catalog:4001/trpc/",
        ORDERS_URL: "http://orders:4002/trpc/",
        PSP_URL: "https://psp.example/",
        REVIEWS_URL: "http://reviews:4024/trpc/",
      }),
    ).toMatchObject({
      CATALOG_URL: "http://catalog:4001/trpc",
      ORDERS_URL: "http://orders:4002/trpc",
      PSP_URL: "https://psp.example",
      REVIEWS_URL: "http://reviews:4024/trpc",
      SITE_URL: "https://shop.example",
    });
  });

  it("marks cookies Secure in production only", () => {
    expect(parseWebEnv({ NODE_ENV: "production" }).SECURE_COOKIES).toBe(true);
    expect(parseWebEnv({ NODE_ENV: "development" }).SECURE_COOKIES).toBe(false);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseWebEnv({ CATALOG_URL: "not a url" })).toThrow(/CATALOG_URL/);
    expect(() => parseWebEnv({ SITE_URL: "ftp://shop.example" })).toThrow(/SITE_URL/);
    expect(() => parseWebEnv({ ORDERS_URL: "orders" })).toThrow(/ORDERS_URL/);
    expect(() => parseWebEnv({ PSP_URL: "file:///psp" })).toThrow(/PSP_URL/);
    expect(() => parseWebEnv({ REVIEWS_URL: "reviews" })).toThrow(/REVIEWS_URL/);
  });
});

describe("catalogOrigin", () => {
  it("is the catalog's scheme, host and port", () => {
    expect(catalogOrigin("http://127.0.0.1:4001/trpc")).toBe("http://127.0.0.1:4001");
  });

  it("reads tracing's settings, off by default, and names a bad one", () => {
    expect(parseWebEnv({})).toMatchObject({ TRACING_EXPORTER: "none", TRACING_SAMPLE_RATIO: 0.1 });
    expect(
      parseWebEnv({
        TRACING_EXPORTER: "zipkin",
        TRACING_ENDPOINT: "http://zipkin:9411/api/v2/spans",
        TRACING_SAMPLE_RATIO: "1",
        TRACING_SERVICE_NAME: "web-eu",
      }),
    ).toMatchObject({ TRACING_EXPORTER: "zipkin", TRACING_SAMPLE_RATIO: 1, TRACING_SERVICE_NAME: "web-eu" });
    expect(() => parseWebEnv({ TRACING_EXPORTER: "jaeger" })).toThrow(/TRACING_EXPORTER/);
    expect(() => parseWebEnv({ TRACING_SAMPLE_RATIO: "2" })).toThrow(/TRACING_SAMPLE_RATIO/);
  });
});

describe("logging settings", () => {
  it("write JSON at info to stdout only by default, and ship to the log store when told", () => {
    expect(parseWebEnv({})).toMatchObject({
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      LOG_SHIP_URL: undefined,
      LOG_SHIP_INDEX_PREFIX: "emporium-logs",
    });
    expect(
      parseWebEnv({
        LOG_LEVEL: "warn",
        LOG_SHIP_URL: "http://opensearch:9200",
        LOG_SHIP_INDEX_PREFIX: "shop-logs",
        LOG_SHIP_RETENTION_DAYS: "30",
      }),
    ).toMatchObject({
      LOG_LEVEL: "warn",
      LOG_SHIP_URL: "http://opensearch:9200",
      LOG_SHIP_INDEX_PREFIX: "shop-logs",
      LOG_SHIP_RETENTION_DAYS: 30,
    });
    expect(() => parseWebEnv({ LOG_SHIP_URL: "opensearch:9200" })).toThrow(/LOG_SHIP_URL/);
    expect(() => parseWebEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });
});
