import { describe, expect, it, vi } from "vitest";
import { loadIdentityEnv } from "./env";

const SECRET = "s".repeat(32);

describe("identity configuration", () => {
  it("runs on embedded defaults with nothing set: migrates and makes the development accounts", () => {
    const e = loadIdentityEnv({});
    expect(e).toMatchObject({ IDENTITY_PORT: 4003, MIGRATE_ON_START: true, IDENTITY_DEV_ACCOUNTS: true });
    expect(e.SERVICE_TOKEN_SECRET).toBeUndefined();
    expect(e.KAFKA_BROKERS).toBeUndefined();
  });

  it("publishes its outbox on Kafka when KAFKA_BROKERS names the brokers", () => {
    expect(loadIdentityEnv({ KAFKA_BROKERS: "kafka-1:9092,kafka-2:9092" }).KAFKA_BROKERS).toEqual([
      "kafka-1:9092",
      "kafka-2:9092",
    ]);
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(() => loadIdentityEnv({ KAFKA_BROKERS: "kafka" })).toThrow("exit 2");
      expect(error).toHaveBeenCalledWith(expect.stringContaining("KAFKA_BROKERS"));
    } finally {
      exit.mockRestore();
      error.mockRestore();
    }
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

  it("keeps mail in a dev mailbox by default, readable only on the embedded database, and sends by SMTP when set", () => {
    expect(loadIdentityEnv({})).toMatchObject({
      IDENTITY_DEV_MAILBOX: true,
      mail: {
        smtpUrl: undefined,
        from: "Emporium <no-reply@emporium.local>",
        storefrontUrl: "http://localhost:3000",
        confirmationTtlSeconds: 24 * 3600,
      },
    });
    const real = { DATABASE_URL: "postgresql://db/emporium", SERVICE_TOKEN_SECRET: SECRET };
    expect(loadIdentityEnv(real).IDENTITY_DEV_MAILBOX).toBe(false);
    const sending = loadIdentityEnv({
      ...real,
      SMTP_URL: "smtps://shop:pw@mail.example:465",
      STOREFRONT_URL: "https://shop.example",
      EMAIL_CONFIRMATION_TTL_HOURS: "2",
    });
    expect(sending.IDENTITY_DEV_MAILBOX).toBe(false);
    expect(sending.mail).toMatchObject({
      smtpUrl: "smtps://shop:pw@mail.example:465",
      storefrontUrl: "https://shop.example",
      confirmationTtlSeconds: 7200,
    });
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(() => loadIdentityEnv({ SMTP_URL: "http://mail.example" })).toThrow("exit 2");
      expect(() => loadIdentityEnv({ SMTP_URL: "smtp://mail.example", IDENTITY_DEV_MAILBOX: "1" })).toThrow(
        "exit 2",
      );
      const said = error.mock.calls.flat().join("\n");
      expect(said).toMatch(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
      expect(said).toMatch(/IDENTITY_DEV_MAILBOX: is for the dev mailbox/);
    } finally {
      exit.mockRestore();
      error.mockRestore();
    }
  });

  it("limits attempts in the process by default, and through Redis when REDIS_URL is set", () => {
    expect(loadIdentityEnv({}).limits).toEqual({
      redisUrl: undefined,
      limits: {
        signIn: { attempts: 10, windowSeconds: 900 },
        signInPerIp: { attempts: 100, windowSeconds: 900 },
        signUp: { attempts: 5, windowSeconds: 3600 },
        staffMutations: { attempts: 300, windowSeconds: 60 },
      },
    });
    const shared = loadIdentityEnv({
      REDIS_URL: "redis://cache:6379/0",
      SIGN_IN_ATTEMPTS: "20",
      SIGN_IN_WINDOW_SECONDS: "60",
      SIGN_IN_PER_IP_ATTEMPTS: "500",
      STAFF_MUTATIONS_ATTEMPTS: "50",
    });
    expect(shared.limits).toMatchObject({
      redisUrl: "redis://cache:6379/0",
      limits: {
        signIn: { attempts: 20, windowSeconds: 60 },
        signInPerIp: { attempts: 500, windowSeconds: 900 },
        staffMutations: { attempts: 50, windowSeconds: 60 },
      },
    });
  });

  it("refuses a REDIS_URL that is not a Redis URL", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(() => loadIdentityEnv({ REDIS_URL: "http://cache:6379" })).toThrow("exit 2");
      expect(error.mock.calls.flat().join("\n")).toMatch(
        /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/,
      );
    } finally {
      exit.mockRestore();
      error.mockRestore();
    }
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
