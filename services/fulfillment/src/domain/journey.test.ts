import { describe, expect, it } from "vitest";
import { carrierFor, UnknownShippingMethodError } from "./carriers";
import { nextStep } from "./journey";

describe("the parcel's journey", () => {
  it("goes label → in transit → out for delivery → delivered, announcing each fact in order", () => {
    const seen: string[] = [];
    let status = "LABEL_CREATED";
    for (let step = nextStep(status); step; step = nextStep(status)) {
      seen.push(`${step.from}→${step.to}: ${step.announce.join(", ")}`);
      status = step.to;
    }
    expect(seen).toEqual([
      "LABEL_CREATED→IN_TRANSIT: shipped, progressed",
      "IN_TRANSIT→OUT_FOR_DELIVERY: progressed",
      "OUT_FOR_DELIVERY→DELIVERED: progressed, delivered",
    ]);
    expect(nextStep("LABEL_CREATED")?.ships).toBe(true);
    expect(nextStep("OUT_FOR_DELIVERY")?.delivers).toBe(true);
  });

  it("has no step for a delivered parcel or one without a label", () => {
    expect(nextStep("DELIVERED")).toBeNull();
    expect(nextStep("PENDING")).toBeNull();
  });
});

describe("carriers", () => {
  it("sends standard parcels with Parcelforce and express ones with DHL Express", () => {
    expect(carrierFor("standard")).toMatchObject({ name: "Parcelforce", prefix: "PF" });
    expect(carrierFor("Express ")).toMatchObject({ name: "DHL Express", prefix: "DX" });
  });

  it("refuses a shipping method it does not know rather than guessing", () => {
    expect(() => carrierFor("pigeon")).toThrow(UnknownShippingMethodError);
  });
});
