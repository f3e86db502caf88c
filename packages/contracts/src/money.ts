// Amounts travel as integer minor units plus an ISO 4217 code (`money` and `currency` in shared.ts). How
// many minor units make a major one depends on the currency (USD 2, JPY 0, KWD 3), so the exponent comes
// from Intl, never from a constant. No zod here: the storefront's browser bundle imports this file alone
// (`@emporium/contracts/money`, through @emporium/ui/money).

const exponents = new Map<string, number>();

/** Digits after the decimal point for a currency: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    const options = new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions();
    exponent = options.maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

/** Minor units to the major-unit number (1299 USD → 12.99, 1500 JPY → 1500). */
export function toMajorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency);
}
