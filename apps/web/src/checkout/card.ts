// Card details are turned into a payment token by the payment provider, from the browser: the card
// number goes to /psp/v1/tokens (the storefront's rewrite to the provider) and never to our server
// code. This module prepares that request and reads the provider's answer.

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

/** What the shopper must fill in before the provider is asked; the provider checks the rest. */
export function checkCardForm(values: CardValues): CardErrors {
  const errors: CardErrors = {};
  if (!values.name.trim()) errors.name = "Enter the name on the card";
  const digits = values.number.replace(/[\s-]/g, "");
  if (!digits) errors.number = "Enter the card number";
  else if (!/^\d+$/.test(digits)) errors.number = "Use only the digits on the card";
  if (!values.expiry.trim()) errors.expiry = "Enter the expiry date";
  else if (!parseExpiry(values.expiry)) errors.expiry = "Enter the expiry date as MM/YY";
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
  if (/checksum/i.test(text))
    return "This card number is not valid (it fails its checksum) — check for a typo";
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
