import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { activityRefusal } from "./refusal";

/** A refusal as the tRPC client hands it over, with the data the service kit sends. */
function refused(code: string, httpStatus: number | undefined, message: string, field?: string) {
  return TRPCClientError.from({
    error: {
      message,
      code: -32600,
      data: { code, ...(httpStatus !== undefined ? { httpStatus } : {}), ...(field ? { field } : {}) },
    },
  });
}

describe("activityRefusal", () => {
  it("calls a service that does not answer, or cannot serve now, unavailable", () => {
    expect(activityRefusal(new TRPCClientError("fetch failed"))).toEqual({ kind: "unavailable" });
    for (const status of [502, 503, 504])
      expect(activityRefusal(refused("SERVICE_UNAVAILABLE", status, "down"))).toEqual({
        kind: "unavailable",
      });
  });

  it("says which filter the service refused, in the form's words", () => {
    expect(
      activityRefusal(
        refused("BAD_REQUEST", 400, "from: must not be after to (2026-01-01T23:59:59.999Z)", "from"),
      ),
    ).toEqual({
      kind: "refused",
      message: "These filters cannot be used: From must not be after to (2026-01-01T23:59:59.999Z)",
    });
    expect(
      activityRefusal(refused("BAD_REQUEST", 400, "action: must look like product.price-changed", "action")),
    ).toEqual({
      kind: "refused",
      message: "These filters cannot be used: What must look like product.price-changed",
    });
    expect(activityRefusal(refused("BAD_REQUEST", 400, "Something is off"))).toEqual({
      kind: "refused",
      message: "These filters cannot be used: Something is off",
    });
  });

  it("gives the owners-only sentence for a role the service refuses", () => {
    expect(activityRefusal(refused("FORBIDDEN", 403, "Forbidden: audit.read"))).toEqual({
      kind: "refused",
      message: "Only owners can see the activity log.",
    });
  });

  it("leaves faults to the error page", () => {
    const fault = refused("INTERNAL_SERVER_ERROR", 500, "The audit service could not answer");
    expect(() => activityRefusal(fault)).toThrow(fault);
    const bug = new TypeError("x is undefined");
    expect(() => activityRefusal(bug)).toThrow(bug);
  });
});
