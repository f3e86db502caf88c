import { describe, expect, it } from "vitest";
import { availabilityOf } from "./availability";

describe("availabilityOf", () => {
  it("says how much is left in words a shopper expects", () => {
    expect(availabilityOf(0).label).toBe("Sold out");
    expect(availabilityOf(1).label).toBe("Only 1 left");
    expect(availabilityOf(3).label).toBe("Only 3 left");
    expect(availabilityOf(5).label).toBe("Only 5 left");
    expect(availabilityOf(6).label).toBe("In stock");
  });
});
