import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { attempt, classifyCatalogError } from "./catalog-errors";

function trpcError(message: string, data?: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe("classifyCatalogError", () => {
  it("recognises a missing product or category", () => {
    expect(classifyCatalogError(trpcError('No product "x"', { httpStatus: 404 }))).toEqual({
      kind: "not-found",
      message: 'No product "x"',
    });
  });

  it("recognises a stale filter and names the field", () => {
    expect(
      classifyCatalogError(trpcError('brands: unknown brand "x"', { httpStatus: 400, field: "brands" })),
    ).toEqual({
      kind: "bad-request",
      message: 'brands: unknown brand "x"',
      field: "brands",
    });
  });

  it("words a refused search for the shopper, with the wait", () => {
    const refused = trpcError("Too many searches from your network; try again in 30 seconds", {
      code: "TOO_MANY_REQUESTS",
      httpStatus: 429,
      retryAfterSeconds: 30,
    });
    expect(classifyCatalogError(refused)).toEqual({
      kind: "too-many",
      message: "Too many searches from your connection — try again in 30 seconds.",
      retryAfterSeconds: 30,
    });
  });

  it("treats a starting or unreachable catalog as unavailable", () => {
    expect(classifyCatalogError(trpcError("The catalog is starting", { httpStatus: 503 }))?.kind).toBe(
      "unavailable",
    );
    const refused = new TRPCClientError("fetch failed", { cause: new TypeError("fetch failed") });
    expect(classifyCatalogError(refused)?.kind).toBe("unavailable");
  });

  it("leaves real faults and foreign errors to the error boundary", () => {
    expect(classifyCatalogError(trpcError("boom", { httpStatus: 500 }))).toBeNull();
    expect(classifyCatalogError(new Error("boom"))).toBeNull();
  });
});

describe("attempt", () => {
  it("returns data or an expected failure, and rethrows the rest", async () => {
    await expect(attempt(Promise.resolve(1))).resolves.toEqual({ ok: true, data: 1 });
    await expect(attempt(Promise.reject(trpcError("gone", { httpStatus: 404 })))).resolves.toMatchObject({
      ok: false,
      failure: { kind: "not-found" },
    });
    await expect(attempt(Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});
