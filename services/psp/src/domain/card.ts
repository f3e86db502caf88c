// Card checks a real provider makes before it hands out a token: the number's length and Luhn
// checksum, an expiry in the future and a CVC of the right length. Each failure names its field.

export type CardBrand = "visa" | "mastercard" | "amex" | "discover" | "unknown";

export interface CardInput {
  number: unknown;
  expMonth: unknown;
  expYear: unknown;
  cvc: unknown;
  name: unknown;
}

export interface Card {
  number: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  name: string;
}

export interface FieldError {
  field: keyof CardInput;
  message: string;
}

export type CardCheck = { ok: true; card: Card } | { ok: false; error: FieldError };

/** The Luhn (mod 10) checksum every card number carries in its last digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function brandOf(digits: string): CardBrand {
  if (digits.startsWith("4")) return "visa";
  if (/^3[47]/.test(digits)) return "amex";
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return "mastercard";
  if (/^(6011|65|64[4-9])/.test(digits)) return "discover";
  return "unknown";
}

const LENGTHS: Record<CardBrand, readonly number[]> = {
  visa: [13, 16, 19],
  mastercard: [16],
  amex: [15],
  discover: [16, 17, 18, 19],
  unknown: [12, 13, 14, 15, 16, 17, 18, 19],
};

/** A whole number from a JSON number or a string of digits ("07"), else null. */
function wholeNumber(value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\d{1,4}$/.test(value.trim())) return Number(value.trim());
  return null;
}

const fail = (field: keyof CardInput, message: string): CardCheck => ({
  ok: false,
  error: { field, message },
});

export function checkCard(input: CardInput, now: Date = new Date()): CardCheck {
  if (typeof input.number !== "string" || !/^[\d -]+$/.test(input.number))
    return fail("number", "card number: must be a string of digits");
  const digits = input.number.replace(/[ -]/g, "");
  const brand = brandOf(digits);
  const lengths = LENGTHS[brand];
  if (digits.length < 12 || digits.length > 19)
    return fail("number", `card number: must have 12 to 19 digits, not ${digits.length}`);
  if (!lengths.includes(digits.length))
    return fail(
      "number",
      `card number: ${brand} cards have ${lengths.join(" or ")} digits, not ${digits.length}`,
    );
  if (!passesLuhn(digits)) return fail("number", "card number: fails its checksum");

  const expMonth = wholeNumber(input.expMonth);
  if (expMonth === null || expMonth < 1 || expMonth > 12)
    return fail("expMonth", "expiry month: must be a number from 1 to 12");
  const rawYear = wholeNumber(input.expYear);
  if (rawYear === null || (rawYear >= 100 && rawYear < 2000))
    return fail("expYear", "expiry year: must be a year such as 2030 or 30");
  const expYear = rawYear < 100 ? 2000 + rawYear : rawYear;
  const thisYear = now.getUTCFullYear();
  const thisMonth = now.getUTCMonth() + 1;
  if (expYear < thisYear || (expYear === thisYear && expMonth < thisMonth))
    return fail(
      "expYear",
      `expiry: the card expired at the end of ${String(expMonth).padStart(2, "0")}/${expYear}`,
    );
  if (expYear > thisYear + 20) return fail("expYear", "expiry year: more than 20 years ahead");

  const cvcLength = brand === "amex" ? 4 : 3;
  if (typeof input.cvc !== "string" || !new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc))
    return fail("cvc", `cvc: must be ${cvcLength} digits`);

  if (typeof input.name !== "string" || input.name.trim().length === 0)
    return fail("name", "name: the cardholder's name is required");
  if (input.name.length > 100) return fail("name", "name: at most 100 characters");

  return {
    ok: true,
    card: { number: digits, brand, last4: digits.slice(-4), expMonth, expYear, name: input.name.trim() },
  };
}
