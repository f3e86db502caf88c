import { describe, expect, it } from "vitest";
import { catalogOrigin, parseAdminEnv } from "./env";

describe("parseAdminEnv", () => {
  it("defaults to the local catalog", () => {
    expect(parseAdminEnv({}).CATALOG_URL).toBe("http://127.0.0.1:4001/trpc");
    expect(catalogOrigin(parseAdminEnv({}).CATALOG_URL)).toBe("http://127.0.0.1:4001");
  });

  it("names the variable that is wrong", () => {
    expect(() => parseAdminEnv({ CATALOG_URL: "catalog" })).toThrow(/CATALOG_URL/);
  });
});

describe("admin secrets", () => {
  it("are optional (development secrets are generated) but must be long enough when set", () => {
    const e = parseAdminEnv({});
    expect(e.SERVICE_TOKEN_SECRET).toBeUndefined();
    expect(e.IDENTITY_URL).toBe("http://127.0.0.1:4003/trpc");
    expect(() => parseAdminEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32/);
  });
});
