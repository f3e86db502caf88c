import { describe, expect, it } from "vitest";
import { describeWait } from "./wait";

describe("describeWait", () => {
  it("says seconds, minutes or hours, rounding up", () => {
    expect([0, 1, 45, 59, 60, 61, 840, 841, 3599, 3600, 3601].map((s) => `${s}: ${describeWait(s)}`)).toEqual(
      [
        "0: 1 second",
        "1: 1 second",
        "45: 45 seconds",
        "59: 59 seconds",
        "60: 1 minute",
        "61: 2 minutes",
        "840: 14 minutes",
        "841: 15 minutes",
        "3599: 60 minutes",
        "3600: 1 hour",
        "3601: 2 hours",
      ],
    );
  });
});
