// Money arrives as integer minor units plus an ISO 4217 code. How many minor units make a major one
// depends on the currency (USD 2, JPY 0, KWD 3), so the exponent comes from Intl, never from a constant.

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

/** Digits after the decimal point for a currency: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string): number {
  return currencyFormatter(currency, "en-US").resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units to the major-unit number (1299 USD → 12.99, 1500 JPY → 1500). */
export function toMajorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency);
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
