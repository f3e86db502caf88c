// Tracking numbers: the carrier's two-letter prefix, a ten-digit serial and a Luhn check digit
// ("PF" + "0000004711" + "8"), so a mistyped number is caught before anyone looks it up.

const FORMAT = /^([A-Z]{2})(\d{10})(\d)$/;
const SERIAL_LIMIT = 10_000_000_000;

/** The Luhn check digit for a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts with the rightmost digit, because the check digit will stand to its right.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function trackingNumber(prefix: string, serial: number): string {
  if (!/^[A-Z]{2}$/.test(prefix))
    throw new RangeError(`tracking prefix must be two capital letters: ${prefix}`);
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= SERIAL_LIMIT)
    throw new RangeError(`tracking serial must be an integer from 0 to ${SERIAL_LIMIT - 1}: ${serial}`);
  const digits = String(serial).padStart(10, "0");
  return `${prefix}${digits}${luhnCheckDigit(digits)}`;
}

export function isValidTrackingNumber(value: string): boolean {
  const m = FORMAT.exec(value);
  return m !== null && luhnCheckDigit(m[2] ?? "") === Number(m[3]);
}

/** How many serials there are to draw from. */
export const TRACKING_SERIALS = SERIAL_LIMIT;
