import { describe, expect, it } from "vitest";
import { parseEnv } from "@emporium/config";
import { inventoryEnvSchema, loadInventoryEnv } from "./env";

const base = {
  DATABASE_URL: "postgresql://db/emporium",
  KAFKA_BROKERS: "kafka:9092",
  AMQP_URL: "amqp://guest:guest@rabbitmq:5672",
};

describe("inventory configuration", () => {
  it("takes the service-token secret that verifies staff calls, and serves on 4021 by default", () => {
    const e = loadInventoryEnv({ ...base, SERVICE_TOKEN_SECRET: "x".repeat(32) });
    expect(e.INVENTORY_PORT).toBe(4021);
    expect(e.SERVICE_TOKEN_SECRET).toHaveLength(32);
  });

  it("fails naming SERVICE_TOKEN_SECRET when it is missing or short", () => {
    expect(() => parseEnv(inventoryEnvSchema, base)).toThrow(/SERVICE_TOKEN_SECRET: is required/);
    expect(() => parseEnv(inventoryEnvSchema, { ...base, SERVICE_TOKEN_SECRET: "short" })).toThrow(
      /SERVICE_TOKEN_SECRET: must be at least 32/,
    );
  });
});
