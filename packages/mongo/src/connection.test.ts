import { describe, expect, it } from "vitest";
import { MongoNetworkError, MongoServerError } from "mongodb";
import { z } from "zod";
import { isDuplicateKey, isUnreachable, redactedUrl } from "./connection";
import { mongoEnvShape } from "./env";

describe("mongo connection helpers", () => {
  it("leaves the password out of a URL shown in logs", () => {
    expect(redactedUrl("mongodb://emporium:s3cret@mongo:27017/?authSource=admin")).toBe(
      "mongodb://mongo:27017/?authSource=admin",
    );
    expect(redactedUrl("mongodb://127.0.0.1:27017")).toBe("mongodb://127.0.0.1:27017");
  });

  it("tells a duplicate key and an unreachable server from other failures", () => {
    expect(isDuplicateKey(new MongoServerError({ code: 11000, errmsg: "E11000 duplicate key" }))).toBe(true);
    expect(isDuplicateKey(new MongoServerError({ code: 2, errmsg: "bad value" }))).toBe(false);
    expect(isUnreachable(new MongoNetworkError("connection refused"))).toBe(true);
    expect(isUnreachable(new MongoServerError({ code: 11000, errmsg: "E11000" }))).toBe(false);
    expect(isUnreachable(new Error("bug"))).toBe(false);
  });

  it("validates the variables the same way for every service, with its own default database", () => {
    const schema = z.object(
      mongoEnvShape({ holds: "x", defaultDb: "emporium_x", dbHolds: "x", whileUnreachable: "x" }),
    );
    expect(schema.parse({})).toEqual({ MONGO_DB: "emporium_x", MONGO_TIMEOUT_MS: 2_000 });
    expect(schema.safeParse({ MONGO_URL: "postgresql://db" }).success).toBe(false);
    expect(schema.safeParse({ MONGO_DB: "a.b" }).success).toBe(false);
    expect(schema.safeParse({ MONGO_TIMEOUT_MS: "60000" }).success).toBe(false);
  });
});
