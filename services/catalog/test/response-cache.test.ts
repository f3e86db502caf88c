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
    cache.set("/a", response("x".repeat(150)), cache.ticket);
    cache.set("/b", response("y".repeat(150)), cache.ticket);
    cache.get("/a");
    cache.set("/c", response("z".repeat(150)), cache.ticket);
    expect(cache.get("/a")).toBeDefined();
    expect(cache.get("/b")).toBeUndefined();
    expect(cache.get("/c")).toBeDefined();
  });

  it("is off when its time to live is zero", () => {
    const cache = new ResponseCache(0, 1_000);
    cache.set("/a", response("x"), cache.ticket);
    expect(cache.get("/a")).toBeUndefined();
  });

  it("does not keep an answer computed before the cache was cleared by a change", () => {
    const cache = new ResponseCache(60_000, 1_000);
    const ticket = cache.ticket; // a request starts computing its answer…
    cache.clear(); // …a product changes meanwhile…
    cache.set("/a", response("old price"), ticket); // …and the old answer arrives
    expect(cache.get("/a")).toBeUndefined();
    cache.set("/a", response("new price"), cache.ticket);
    expect(cache.get("/a")?.body.toString()).toBe("new price");
  });
});
