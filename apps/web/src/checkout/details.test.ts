import { describe, expect, it } from "vitest";
import { addressLines, checkDetails, detailsFromForm, EMPTY_DETAILS } from "./details";

const good = {
  ...EMPTY_DETAILS,
  email: " ada@example.com ",
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "sw1y 4jh",
  country: "GB",
};

describe("checkDetails", () => {
  it("trims the values and leaves empty optional fields out", () => {
    expect(checkDetails(good)).toEqual({
      ok: true,
      details: {
        email: "ada@example.com",
        address: {
          name: "Ada Lovelace",
          line1: "12 St James's Square",
          city: "London",
          postalCode: "SW1Y 4JH",
          country: "GB",
        },
      },
    });
  });

  it("gives every wrong field its own message", () => {
    const check = checkDetails({
      ...EMPTY_DETAILS,
      email: "ada@",
      postalCode: "1",
      country: "XX",
      phone: "call me",
    });
    expect(check).toEqual({
      ok: false,
      errors: {
        email: "Enter an email address like ada@example.com",
        name: "Enter the name of the person receiving the order",
        line1: "Enter the street address",
        city: "Enter the town or city",
        postalCode: "Enter a postal code like 10115 or SW1A 1AA",
        country: "Choose a country we deliver to",
        phone: "Enter a phone number using digits, spaces and +",
      },
    });
  });

  it("accepts the postal codes the orders service accepts", () => {
    for (const postalCode of ["10115", "SW1A 1AA", "K1A 0B1", "1010", "94105-1234"])
      expect(checkDetails({ ...good, postalCode }).ok).toBe(true);
    for (const postalCode of ["-1234", "12345678901234"])
      expect(checkDetails({ ...good, postalCode }).ok).toBe(false);
  });
});

describe("detailsFromForm", () => {
  it("reads every field, missing ones as empty", () => {
    const data = new FormData();
    data.set("email", "ada@example.com");
    data.set("country", "DE");
    expect(detailsFromForm(data)).toEqual({ ...EMPTY_DETAILS, email: "ada@example.com", country: "DE" });
  });
});

describe("addressLines", () => {
  it("prints an address the way it is written on a parcel", () => {
    expect(
      addressLines({
        name: "Ada",
        line1: "1 Main St",
        city: "Springfield",
        region: "IL",
        postalCode: "62701",
        country: "US",
      }),
    ).toEqual(["Ada", "1 Main St", "Springfield, IL 62701", "United States"]);
    expect(
      addressLines({
        name: "Ada",
        line1: "1 Baker St",
        city: "London",
        postalCode: "NW1 6XE",
        country: "GB",
        phone: "020 7946 0000",
      }),
    ).toEqual(["Ada", "1 Baker St", "London", "NW1 6XE", "United Kingdom", "020 7946 0000"]);
  });
});
