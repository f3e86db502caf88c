// A country's English name from its ISO 3166 code, for staff and for parcels: the admin's order page and
// the packing slip print the same name. Intl knows the names; one formatter serves every call.

const REGIONS = new Intl.DisplayNames(["en"], { type: "region" });

/** "GB" → "United Kingdom"; a code Intl cannot read (not two letters) comes back as it was. */
export function countryName(code: string): string {
  try {
    return REGIONS.of(code) ?? code;
  } catch {
    return code;
  }
}
