// Money arrives as integer minor units plus an ISO 4217 code. How many minor units make a major one
// depends on the currency (USD 2, JPY 0, KWD 3): currencyExponent and toMajorUnits live with the money
// type in @emporium/contracts and are re-exported here for the apps; this file formats.
import { currencyExponent, toMajorUnits } from "@emporium/contracts/money";

export { currencyExponent, toMajorUnits };

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats an amount in minor units for display: formatMoney(1299, "USD") → "$12.99". */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  return currencyFormatter(currency, locale).format(toMajorUnits(minor, currency));
}

/**
 * The amount as a plain decimal string with the currency's digits, as structured data expects it:
 * 1299 USD → "12.99", 1500 JPY → "1500". Built from integers so no float rounding creeps in.
 */
export function toDecimalString(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const digits = Math.abs(Math.trunc(minor)).toString();
  if (exponent === 0) return `${sign}${digits}`;
  const padded = digits.padStart(exponent + 1, "0");
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}
