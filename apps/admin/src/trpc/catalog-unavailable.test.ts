import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { isCatalogUnavailable } from "./catalog-unavailable";

describe("isCatalogUnavailable", () => {
  it("is true for a starting or unreachable catalog", () => {
    expect(
      isCatalogUnavailable(
        TRPCClientError.from({ error: { message: "starting", code: -32603, data: { httpStatus: 503 } } }),
      ),
    ).toBe(true);
    expect(isCatalogUnavailable(new TRPCClientError("fetch failed"))).toBe(true);
  });

  it("is false for other failures", () => {
    expect(
      isCatalogUnavailable(
        TRPCClientError.from({ error: { message: "bad", code: -32600, data: { httpStatus: 400 } } }),
      ),
    ).toBe(false);
    expect(isCatalogUnavailable(new Error("boom"))).toBe(false);
  });
});
