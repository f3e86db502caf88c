import { describe, expect, it } from "vitest";
import { parseEnv } from "@emporium/config";
import { loadReviewsEnv, reviewsEnvSchema } from "./env";

const secret = { SERVICE_TOKEN_SECRET: "x".repeat(32) };

describe("reviews configuration", () => {
  it("keeps reviews in memory without MONGO_URL, and serves on 4024 by default", () => {
    const e = loadReviewsEnv(secret);
    expect(e.MONGO_URL).toBeUndefined();
    expect(e.MONGO_DB).toBe("emporium_reviews");
    expect(e.MONGO_TIMEOUT_MS).toBe(2_000);
    expect(e.REVIEWS_PORT).toBe(4024);
    expect(e.KAFKA_BROKERS).toBeUndefined();
    expect(e.CATALOG_URL).toBe("http://127.0.0.1:4001/trpc");
  });

  it("takes MongoDB, its database and the brokers", () => {
    const e = loadReviewsEnv({
      ...secret,
      MONGO_URL: "mongodb://reviews:pw@mongo:27017/?authSource=admin",
      MONGO_DB: "shop_reviews",
      KAFKA_BROKERS: "kafka-1:9092,kafka-2:9092",
    });
    expect(e).toMatchObject({ MONGO_DB: "shop_reviews", KAFKA_BROKERS: ["kafka-1:9092", "kafka-2:9092"] });
    expect(loadReviewsEnv({ ...secret, MONGO_URL: "mongodb+srv://cluster.example.net" }).MONGO_URL).toBe(
      "mongodb+srv://cluster.example.net",
    );
  });

  it("names each bad variable", () => {
    expect(() => parseEnv(reviewsEnvSchema, {})).toThrow(/SERVICE_TOKEN_SECRET: is required/);
    expect(() => parseEnv(reviewsEnvSchema, { ...secret, MONGO_URL: "postgresql://db" })).toThrow(
      /MONGO_URL: must be a mongodb:\/\//,
    );
    expect(() => parseEnv(reviewsEnvSchema, { ...secret, MONGO_DB: "a.b" })).toThrow(/MONGO_DB:/);
    expect(() => parseEnv(reviewsEnvSchema, { ...secret, MONGO_TIMEOUT_MS: "60000" })).toThrow(
      /MONGO_TIMEOUT_MS:/,
    );
  });
});
