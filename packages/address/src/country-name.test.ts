import { describe, expect, it } from "vitest";
import { countryName } from "./country-name";

describe("countryName", () => {
  it("names a country in English from its ISO code", () => {
    expect(countryName("GB")).toBe("United Kingdom");
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("US")).toBe("United States");
  });

  it("gives back a code it cannot read instead of throwing", () => {
    expect(countryName("1")).toBe("1");
    expect(countryName("")).toBe("");
  });
});
