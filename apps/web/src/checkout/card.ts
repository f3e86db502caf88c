// Card details are turned into a payment token by the payment provider, from the browser: the card
// number goes to /psp/v1/tokens (the storefront's rewrite to the provider) and never to our server
// code. This module checks and formats the form as it is typed (card-validator knows the brands'
// lengths, groups and checksum), prepares that request and reads the provider's answer.
import cardValidator from "card-validator";

export const CARD_FIELDS = ["name", "number", "expiry", "cvc"] as const;
export type CardField = (typeof CARD_FIELDS)[number];
export type CardValues = Record<CardField, string>;
export type CardErrors = Partial<Record<CardField, string>>;

export interface CardToken {
  token: string;
  brand: string;
  last4: string;
}

export type TokenResult =
  { ok: true; card: CardToken } | { ok: false; field: CardField | null; message: string };

export const TOKENS_PATH = "/psp/v1/tokens";

/** "MM/YY", "MM / YYYY", "MMYY" → month and four-digit year; null when it is not a date. */
export function parseExpiry(text: string): { expMonth: number; expYear: number } | null {
  const match = /^\s*(\d{1,2})\s*(?:\/|-|\s)?\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const expMonth = Number(match[1]);
  const year = Number(match[2]);
  if (expMonth < 1 || expMonth > 12) return null;
  return { expMonth, expYear: year < 100 ? 2000 + year : year };
}

export const CHECKSUM_MESSAGE = "This card number is not valid (it fails its checksum) — check for a typo";

/** Whether the digits are a whole card number whose checksum (Luhn) holds, for the brand they start as. */
export function isValidCardNumber(digits: string): boolean {
  return cardValidator.number(digits).isValid;
}

/**
 * The number as it is printed on the card, grouped as typed (4242 4242 4242 4242, 3782 822463 10005):
 * the brand's groups, known from the first digits.
 */
export function formatCardNumber(text: string): string {
  const digits = text.replace(/\D/g, "").slice(0, 19);
  const gaps = cardValidator.number(digits).card?.gaps ?? [4, 8, 12, 16];
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && gaps.includes(i)) out += " ";
    out += digits[i];
  }
  return out;
}

/**
 * The expiry as MM/YY while it is typed: the slash comes by itself after the month (a month that can
 * only be one digit, 2–9, gets its 0), and deleting the slash deletes the month's last digit.
 */
export function formatExpiry(text: string, previous = ""): string {
  let digits = text.replace(/\D/g, "").slice(0, 4);
  const deletedSlash = previous.endsWith("/") && text === previous.slice(0, -1);
  if (deletedSlash) digits = digits.slice(0, -1);
  if (/^[2-9]$/.test(digits)) digits = `0${digits}`;
  if (digits.length > 2) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  if (digits.length === 2 && !deletedSlash && text.length > previous.length) return `${digits}/`;
  return digits;
}

/**
 * Every problem with the form at once, before the provider is asked: what is missing, a number that
 * fails its checksum, an expiry that is not a date or has passed.
 */
export function checkCardForm(values: CardValues, now: Date = new Date()): CardErrors {
  const errors: CardErrors = {};
  if (!values.name.trim()) errors.name = "Enter the name on the card";
  const digits = values.number.replace(/[\s-]/g, "");
  if (!digits) errors.number = "Enter the card number";
  else if (!/^\d+$/.test(digits)) errors.number = "Use only the digits on the card";
  else if (digits.length < 12 || digits.length > 19) errors.number = "Enter the whole card number";
  else if (!isValidCardNumber(digits)) errors.number = CHECKSUM_MESSAGE;
  const expiry = parseExpiry(values.expiry);
  if (!values.expiry.trim()) errors.expiry = "Enter the expiry date";
  else if (!expiry) errors.expiry = "Enter the expiry date as MM/YY";
  else if (expiry.expYear * 12 + expiry.expMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1)
    errors.expiry = "This card has expired";
  if (!values.cvc.trim()) errors.cvc = "Enter the security code";
  else if (!/^\d{3,4}$/.test(values.cvc.trim())) errors.cvc = "Enter the 3 or 4 digits on the back";
  return errors;
}

export function tokenRequestBody(values: CardValues): Record<string, string | number> {
  const expiry = parseExpiry(values.expiry);
  return {
    number: values.number.replace(/[\s-]/g, ""),
    expMonth: expiry?.expMonth ?? 0,
    expYear: expiry?.expYear ?? 0,
    cvc: values.cvc.trim(),
    name: values.name.trim(),
  };
}

const PROVIDER_FIELDS: Record<string, CardField> = {
  number: "number",
  expMonth: "expiry",
  expYear: "expiry",
  cvc: "cvc",
  name: "name",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "card number: fails its checksum" → "This card number is not valid (it fails its checksum) — check for a typo". */
export function cardMessage(message: string): string {
  const text = message.includes(": ") ? message.slice(message.indexOf(": ") + 2) : message;
  if (/checksum/i.test(text)) return CHECKSUM_MESSAGE;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The provider's answer as a token or as the field it refused and why. */
export function readTokenResponse(status: number, body: unknown): TokenResult {
  if (status >= 200 && status < 300 && isRecord(body) && typeof body.token === "string") {
    return {
      ok: true,
      card: {
        token: body.token,
        brand: typeof body.brand === "string" ? body.brand : "card",
        last4: typeof body.last4 === "string" ? body.last4 : "",
      },
    };
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (status >= 400 && status < 500 && error && typeof error.message === "string") {
    const field = typeof error.field === "string" ? (PROVIDER_FIELDS[error.field] ?? null) : null;
    return { ok: false, field, message: cardMessage(error.message) };
  }
  return {
    ok: false,
    field: null,
    message: "The payment provider is not answering just now. Please try again in a moment.",
  };
}

/** Asks the provider for a token. Only the browser calls this. */
export async function tokenizeCard(
  values: CardValues,
  fetchImpl: typeof fetch = fetch,
): Promise<TokenResult> {
  let response: Response;
  try {
    response = await fetchImpl(TOKENS_PATH, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(tokenRequestBody(values)),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return {
      ok: false,
      field: null,
      message: "We could not reach the payment provider. Check your connection and try again.",
    };
  }
  const body: unknown = await response.json().catch(() => null);
  return readTokenResponse(response.status, body);
}

const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
};

export function cardLabel(card: CardToken): string {
  const brand = BRANDS[card.brand] ?? "Card";
  return card.last4 ? `${brand} ending in ${card.last4}` : brand;
}
