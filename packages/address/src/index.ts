// Postal addresses printed the way each country writes them on a parcel. The order and punctuation of
// town, region and postcode come from Google's address metadata (the localized-address-format library):
// "Springfield, IL 62701" in the US, "London / NW1 6XE" in the UK, "10115 Berlin" in Germany. Shoppers
// type in Latin script here, so the Latin layouts are used.
import { formatAddress } from "localized-address-format";
import type { Address } from "@emporium/contracts";

export { countryName } from "./country-name";

export interface PostalLineOptions {
  /** The country's name as the reader should see it, e.g. countryName (default: the code itself). */
  countryName?: (code: string) => string;
}

/**
 * The address as lines: recipient, street lines, the country's own town/region/postcode lines, then the
 * country. Nothing the shopper typed is dropped: where a country's layout has no place for a part (the UK's
 * has no county, Japan's Latin one no town), that part gets its own line just above the postcode's line, as
 * a county is written in the UK.
 */
export function postalLines(address: Address, options: PostalLineOptions = {}): string[] {
  const lines = formatAddress(
    {
      postalCountry: address.country,
      name: address.name,
      addressLines: [address.line1, address.line2 ?? ""].filter((line) => line !== ""),
      locality: address.city,
      administrativeArea: address.region ?? "",
      postalCode: address.postalCode,
    },
    "latin",
  ).filter((line) => line.trim() !== "");
  const printed = lines.join("\n");
  const missing = [address.city, address.region ?? "", address.postalCode].filter(
    (part) => part !== "" && !printed.includes(part),
  );
  const postcodeAt = lines.findIndex((line) => line.includes(address.postalCode));
  const at = postcodeAt === -1 ? lines.length : postcodeAt;
  const country = options.countryName?.(address.country) ?? address.country;
  return [...lines.slice(0, at), ...missing, ...lines.slice(at), country];
}
