import { describe, expect, it } from "vitest";
import { deadLetterQueueArguments, isPreconditionFailed, rabbitMajorVersion } from "./dead-letter-queue";

describe("deadLetterQueueArguments", () => {
  it("lifts RabbitMQ 4's default delivery limit of 20 with -1, 4.0 onwards", () => {
    for (const version of ["4.0.5", "4.2.1", "5.0.0"])
      expect(deadLetterQueueArguments(version)).toEqual({ "x-queue-type": "quorum", "x-delivery-limit": -1 });
  });

  it("leaves the limit out on 3.x, which has none by default and drops at once with -1", () => {
    for (const version of ["3.10.8", "3.13.7"])
      expect(deadLetterQueueArguments(version)).toEqual({ "x-queue-type": "quorum" });
  });

  it("leaves it out when the server names no version it can read", () => {
    expect(rabbitMajorVersion("unknown")).toBeUndefined();
    expect(deadLetterQueueArguments(undefined)).toEqual({ "x-queue-type": "quorum" });
  });
});

describe("isPreconditionFailed", () => {
  it("knows the broker's 406 from other failures", () => {
    expect(isPreconditionFailed(Object.assign(new Error("inequivalent arg"), { code: 406 }))).toBe(true);
    expect(isPreconditionFailed(Object.assign(new Error("access refused"), { code: 403 }))).toBe(false);
    expect(isPreconditionFailed(new Error("socket closed"))).toBe(false);
  });
});
