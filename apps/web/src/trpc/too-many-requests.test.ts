import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { tooManyMessage, tooManyMessageOf, tooManyRequestsOf } from "./too-many-requests";

function trpcError(message: string, data?: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32029, data } });
}

const limited = (message: string, retryAfterSeconds?: number) =>
  trpcError(message, {
    code: "TOO_MANY_REQUESTS",
    httpStatus: 429,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });

describe("tooManyRequestsOf", () => {
  it("reads the wait a backend sends with its refusal", () => {
    expect(
      tooManyRequestsOf(limited("Too many sign-in attempts for this account; try again in 14 minutes", 840)),
    ).toEqual({ retryAfterSeconds: 840 });
  });

  it("falls back to the wait named in the message, then to none", () => {
    expect(tooManyRequestsOf(limited("Too many searches from your network; try again in 2 minutes"))).toEqual(
      { retryAfterSeconds: 120 },
    );
    expect(
      tooManyRequestsOf(
        trpcError("slow down; try again in 1 hour", { httpStatus: 429, retryAfterSeconds: 0 }),
      ),
    ).toEqual({ retryAfterSeconds: 3600 });
    expect(tooManyRequestsOf(limited("Too many attempts"))).toEqual({ retryAfterSeconds: null });
  });

  it("is null for every other failure", () => {
    expect(
      tooManyRequestsOf(trpcError("try again in 5 seconds", { code: "BAD_REQUEST", httpStatus: 400 })),
    ).toBe(null);
    expect(tooManyRequestsOf(new TRPCClientError("fetch failed"))).toBeNull();
    expect(tooManyRequestsOf(new Error("Too many"))).toBeNull();
    expect(tooManyRequestsOf("429")).toBeNull();
  });
});

describe("tooManyMessage", () => {
  it("says what was refused and when to try again, for each place a limit applies", () => {
    expect(tooManyMessage("sign-in", 840)).toBe("Too many sign-in attempts. Please try again in 14 minutes.");
    expect(tooManyMessage("sign-up", 3000)).toBe(
      "Too many attempts to open an account with this email. Please try again in 50 minutes.",
    );
    expect(tooManyMessage("place-order", 42)).toBe(
      "Too many attempts to place an order just now. Please try again in 42 seconds.",
    );
    expect(tooManyMessage("search", 30)).toBe(
      "Too many searches from your connection — try again in 30 seconds.",
    );
  });

  it("still says to wait when the backend did not say how long", () => {
    expect(tooManyMessage("search", null)).toBe(
      "Too many searches from your connection — try again in a few minutes.",
    );
  });
});

describe("tooManyMessageOf", () => {
  it("words a refusal for people and never repeats the backend's own text", () => {
    const message = tooManyMessageOf(
      "sign-up",
      limited("Too many sign-up attempts for this email; try again in 52 minutes", 3100),
    );
    expect(message).toBe(
      "Too many attempts to open an account with this email. Please try again in 52 minutes.",
    );
    expect(
      tooManyMessageOf("sign-up", trpcError("conflict", { code: "CONFLICT", httpStatus: 409 })),
    ).toBeNull();
  });
});
