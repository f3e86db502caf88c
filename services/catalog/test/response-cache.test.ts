import { describe, expect, it } from "vitest";
import { ResponseCache } from "../src/api/response-cache";

describe("ResponseCache", () => {
  const response = (text: string) => ({
    contentType: "application/json",
    cacheControl: null,
    body: Buffer.from(text),
  });

  it("stays within its byte budget, evicting the least recently used", () => {
    const cache = new ResponseCache(60_000, 500);
    cache.set("/a", response("x".repeat(150)));
    cache.set("/b", response("y".repeat(150)));
    cache.get("/a");
    cache.set("/c", response("z".repeat(150)));
    expect(cache.get("/a")).toBeDefined();
    expect(cache.get("/b")).toBeUndefined();
    expect(cache.get("/c")).toBeDefined();
  });

  it("is off when its time to live is zero", () => {
    const cache = new ResponseCache(0, 1_000);
    cache.set("/a", response("x"));
    expect(cache.get("/a")).toBeUndefined();
  });
});
