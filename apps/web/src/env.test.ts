import { describe, expect, it } from "vitest";
import { catalogOrigin, parseWebEnv } from "./env";

describe("parseWebEnv", () => {
  it("defaults to the local catalog and site", () => {
    expect(parseWebEnv({})).toEqual({
      CATALOG_URL: "http://127.0.0.1:4001/trpc",
      SITE_URL: "http://localhost:3000",
    });
  });

  it("drops trailing slashes so paths can be appended", () => {
    expect(
      parseWebEnv({ SITE_URL: "https://shop.example/", CATALOG_URL: "http://catalog:4001/trpc/" }),
    ).toEqual({
      CATALOG_URL: "http://catalog:4001/trpc",
      SITE_URL: "https://shop.example",
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => parseWebEnv({ CATALOG_URL: "not a url" })).toThrow(/CATALOG_URL/);
    expect(() => parseWebEnv({ SITE_URL: "ftp://shop.example" })).toThrow(/SITE_URL/);
  });
});

describe("catalogOrigin", () => {
  it("is the catalog's scheme, host and port", () => {
    expect(catalogOrigin("http://127.0.0.1:4001/trpc")).toBe("http://127.0.0.1:4001");
  });
});
