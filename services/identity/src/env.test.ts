import { describe, expect, it, vi } from "vitest";
import { loadIdentityEnv } from "./env";

const SECRET = "s".repeat(32);

describe("identity configuration", () => {
  it("runs on embedded defaults with nothing set: migrates and makes the development accounts", () => {
    const e = loadIdentityEnv({});
    expect(e).toMatchObject({ IDENTITY_PORT: 4003, MIGRATE_ON_START: true, IDENTITY_DEV_ACCOUNTS: true });
    expect(e.SERVICE_TOKEN_SECRET).toBeUndefined();
  });

  it("with a real database leaves migrations to the job and makes no development accounts", () => {
    const e = loadIdentityEnv({ DATABASE_URL: "postgresql://db/emporium", SERVICE_TOKEN_SECRET: SECRET });
    expect(e).toMatchObject({ MIGRATE_ON_START: false, IDENTITY_DEV_ACCOUNTS: false });
    const local = loadIdentityEnv({
      DATABASE_URL: "postgresql://db/emporium",
      SERVICE_TOKEN_SECRET: SECRET,
      IDENTITY_DEV_ACCOUNTS: "true",
    });
    expect(local.IDENTITY_DEV_ACCOUNTS).toBe(true);
  });

  it("refuses a real database without the service token secret, naming it", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(() => loadIdentityEnv({ DATABASE_URL: "postgresql://db/emporium" })).toThrow("exit 2");
      expect(error.mock.calls.flat().join("\n")).toMatch(
        /SERVICE_TOKEN_SECRET: is required when DATABASE_URL/,
      );
    } finally {
      exit.mockRestore();
      error.mockRestore();
    }
  });
});
