import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { classifyOrdersError, fieldMessages, UNREACHABLE_MESSAGE } from "./errors";

function trpcError(message: string, data?: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe("classifyOrdersError", () => {
  it("names the field a refused request got wrong, in a sentence", () => {
    const failure = classifyOrdersError(
      trpcError("quantity: only 3 of Field Jacket (Navy / S) left", { httpStatus: 400, field: "quantity" }),
    );
    expect(failure).toEqual({
      kind: "invalid",
      field: "quantity",
      message: "Only 3 of Field Jacket (Navy / S) left",
      fields: { quantity: "Only 3 of Field Jacket (Navy / S) left" },
    });
  });

  it("keeps every field of a validation failure", () => {
    const failure = classifyOrdersError(
      trpcError(
        "Invalid input: shippingAddress.postalCode: must be a postal code such as 10115 or SW1A 1AA; email: must be an email address such as ada@example.com",
        { httpStatus: 400, field: "shippingAddress.postalCode" },
      ),
    );
    expect(failure).toMatchObject({
      kind: "invalid",
      field: "shippingAddress.postalCode",
      message: "Must be a postal code such as 10115 or SW1A 1AA",
      fields: {
        "shippingAddress.postalCode": "Must be a postal code such as 10115 or SW1A 1AA",
        email: "Must be an email address such as ada@example.com",
      },
    });
  });

  it("tells expired carts, reused keys and unavailable payments apart", () => {
    expect(classifyOrdersError(trpcError("Your cart expired; start a new one", { httpStatus: 404 }))).toEqual(
      {
        kind: "not-found",
        message: "Your cart expired; start a new one",
      },
    );
    expect(classifyOrdersError(trpcError("key reused", { httpStatus: 409 })).kind).toBe("conflict");
    expect(
      classifyOrdersError(trpcError("Payments are temporarily unavailable…", { httpStatus: 503 })),
    ).toEqual({ kind: "unavailable", message: "Payments are temporarily unavailable…" });
  });

  it("says when to try again when placing was refused for too many attempts", () => {
    const refused = trpcError("Too many attempts to place an order with this cart; try again in 40 seconds", {
      code: "TOO_MANY_REQUESTS",
      httpStatus: 429,
      retryAfterSeconds: 40,
    });
    expect(classifyOrdersError(refused)).toEqual({
      kind: "limited",
      retryAfterSeconds: 40,
      message: "Too many attempts to place an order just now. Please try again in 40 seconds.",
    });
  });

  it("treats an unreachable service as unavailable, and anything else as our fault", () => {
    const refused = new TRPCClientError("fetch failed", { cause: new TypeError("fetch failed") });
    expect(classifyOrdersError(refused)).toEqual({ kind: "unavailable", message: UNREACHABLE_MESSAGE });
    expect(classifyOrdersError(trpcError("boom (request 1)", { httpStatus: 500 })).kind).toBe("unexpected");
    expect(classifyOrdersError(new Error("boom")).kind).toBe("unexpected");
  });
});

describe("fieldMessages", () => {
  it("uses the whole message for a field that is not named in it", () => {
    expect(fieldMessages("is not a cart this shop issued", "cartToken")).toEqual({
      cartToken: "Is not a cart this shop issued",
    });
    expect(fieldMessages("anything", null)).toEqual({});
  });
});
