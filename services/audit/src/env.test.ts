import { describe, expect, it } from "vitest";
import { parseEnv } from "@emporium/config";
import { auditEnvSchema, loadAuditEnv } from "./env";

const secret = { SERVICE_TOKEN_SECRET: "x".repeat(32) };

describe("audit configuration", () => {
  it("keeps the log in memory without MONGO_URL, in its own database with it, and serves on 4025", () => {
    const e = loadAuditEnv(secret);
    expect(e.MONGO_URL).toBeUndefined();
    expect(e.MONGO_DB).toBe("emporium_audit");
    expect(e.MONGO_TIMEOUT_MS).toBe(2_000);
    expect(e.AUDIT_PORT).toBe(4025);
    expect(e.KAFKA_BROKERS).toBeUndefined();
    expect(
      loadAuditEnv({ ...secret, MONGO_URL: "mongodb://mongo:27017", KAFKA_BROKERS: "k1:9092,k2:9092" }),
    ).toMatchObject({ MONGO_URL: "mongodb://mongo:27017", KAFKA_BROKERS: ["k1:9092", "k2:9092"] });
  });

  it("names each bad variable", () => {
    expect(() => parseEnv(auditEnvSchema, {})).toThrow(/SERVICE_TOKEN_SECRET: is required/);
    expect(() => parseEnv(auditEnvSchema, { ...secret, MONGO_URL: "postgresql://db" })).toThrow(/MONGO_URL:/);
    expect(() => parseEnv(auditEnvSchema, { ...secret, AUDIT_PORT: "http" })).toThrow(/AUDIT_PORT:/);
  });
});
