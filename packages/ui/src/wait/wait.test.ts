import { describe, expect, it } from "vitest";
import { describeWait, whenToRetry } from "./wait";

describe("describeWait", () => {
  it("rounds up to whole seconds under a minute, never saying 0", () => {
    expect(describeWait(0)).toBe("1 second");
    expect(describeWait(0.2)).toBe("1 second");
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(44.1)).toBe("45 seconds");
    expect(describeWait(59)).toBe("59 seconds");
  });

  it("rounds up to minutes, up to two hours", () => {
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(14 * 60 - 3)).toBe("14 minutes");
    expect(describeWait(3600)).toBe("60 minutes");
    expect(describeWait(2 * 3600)).toBe("120 minutes");
  });

  it("says hours beyond that, and survives nonsense", () => {
    expect(describeWait(2 * 3600 + 1)).toBe("3 hours");
    expect(describeWait(Number.NaN)).toBe("1 second");
    expect(describeWait(-5)).toBe("1 second");
  });
});

describe("whenToRetry", () => {
  it("names the wait, or promises a few minutes when there is none", () => {
    expect(whenToRetry(840)).toBe("in 14 minutes");
    expect(whenToRetry(null)).toBe("in a few minutes");
  });
});
