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
