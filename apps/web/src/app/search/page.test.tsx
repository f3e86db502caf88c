// The search results page when the catalog refuses the search for too many attempts: the shopper stays
// on the page with their words, told when to try again, instead of the error page.
import { render, screen } from "@testing-library/react";
import { TRPCClientError } from "@trpc/client";
import { beforeEach, describe, expect, it, vi } from "vitest";

const getListing = vi.fn<(category: string | null, query: string) => Promise<never>>();
vi.mock("@/listing/get-listing", () => ({ getListing }));
vi.mock("@/trpc/server", () => ({ getCategoryTree: () => Promise.resolve([]) }));

const { default: SearchPage } = await import("./page");

const limited = TRPCClientError.from({
  error: {
    message: "Too many searches from your network; try again in 30 seconds",
    code: -32029,
    data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, retryAfterSeconds: 30 },
  },
});

describe("SearchPage", () => {
  beforeEach(() => {
    getListing.mockReset();
  });

  it("says when to search again instead of failing the page", async () => {
    getListing.mockRejectedValue(limited);
    render(await SearchPage({ searchParams: Promise.resolve({ q: "tea pot", sort: "newest" }) }));

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Results for “tea pot”");
    expect(screen.getByRole("status").textContent).toBe(
      "Too many searches from your connection — try again in 30 seconds.",
    );
    expect(screen.getByRole("link", { name: "Search again" }).getAttribute("href")).toBe(
      "/search?q=tea+pot&sort=newest",
    );
  });

  it("still leaves a real fault to the error page", async () => {
    getListing.mockRejectedValue(
      TRPCClientError.from({ error: { message: "boom", code: -32603, data: { httpStatus: 500 } } }),
    );
    await expect(SearchPage({ searchParams: Promise.resolve({ q: "tea" }) })).rejects.toThrow("boom");
  });
});
