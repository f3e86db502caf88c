import { describe, expect, it } from "vitest";
import { postalLines } from "./index";

const base = { name: "Ada Lovelace", line1: "1 Main St" };

describe("postalLines", () => {
  it("writes a US address town, state and ZIP on one line", () => {
    expect(
      postalLines({ ...base, city: "Springfield", region: "IL", postalCode: "62701", country: "US" }),
    ).toEqual(["Ada Lovelace", "1 Main St", "Springfield, IL 62701", "US"]);
  });

  it("puts a UK postcode on its own line after the town and the county", () => {
    expect(
      postalLines(
        {
          ...base,
          line2: "Flat 2",
          city: "London",
          region: "Greater London",
          postalCode: "NW1 6XE",
          country: "GB",
        },
        { countryName: () => "United Kingdom" },
      ),
    ).toEqual([
      "Ada Lovelace",
      "1 Main St",
      "Flat 2",
      "London",
      "Greater London",
      "NW1 6XE",
      "United Kingdom",
    ]);
  });

  it("writes the postcode before the town in Germany and France", () => {
    expect(postalLines({ ...base, city: "Berlin", postalCode: "10115", country: "DE" })).toContain(
      "10115 Berlin",
    );
    expect(postalLines({ ...base, city: "Paris", postalCode: "75001", country: "FR" })).toContain(
      "75001 Paris",
    );
  });

  it("keeps every part the shopper typed even where the country's layout has no place for it", () => {
    const lines = postalLines({
      ...base,
      city: "Chiyoda-ku",
      region: "Tokyo",
      postalCode: "100-0001",
      country: "JP",
    });
    for (const part of ["Chiyoda-ku", "Tokyo", "100-0001", "JP"]) {
      expect(lines.join("\n")).toContain(part);
    }
    expect(postalLines({ ...base, city: "Town", region: "Area", postalCode: "123", country: "XX" })).toEqual([
      "Ada Lovelace",
      "1 Main St",
      "Town",
      "Area",
      "123",
      "XX",
    ]);
  });
});
