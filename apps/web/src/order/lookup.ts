// The guest order lookup form's fields and its answer.

export type LookupField = "number" | "email";

export interface LookupState {
  status: "idle" | "error";
  values: Record<LookupField, string>;
  errors: Partial<Record<LookupField, string>>;
  message: string | null;
}

export const IDLE_LOOKUP: LookupState = {
  status: "idle",
  values: { number: "", email: "" },
  errors: {},
  message: null,
};

const ORDER_NUMBER = /^EM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "em m24m vwv3" → "EM-M24M-VWV3": people copy numbers with spaces, lower case or no dashes. */
export function normaliseOrderNumber(text: string): string {
  const compact = text.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = compact.startsWith("EM") ? compact.slice(2) : compact;
  return body.length === 8 ? `EM-${body.slice(0, 4)}-${body.slice(4)}` : text.trim().toUpperCase();
}

export type LookupCheck =
  { ok: true; number: string; email: string } | { ok: false; errors: Partial<Record<LookupField, string>> };

export function checkLookup(values: Record<LookupField, string>): LookupCheck {
  const number = normaliseOrderNumber(values.number);
  const email = values.email.trim();
  const errors: Partial<Record<LookupField, string>> = {};
  if (!values.number.trim()) errors.number = "Enter your order number";
  else if (!ORDER_NUMBER.test(number)) errors.number = "Order numbers look like EM-ABCD-1234";
  if (!email) errors.email = "Enter the email address you ordered with";
  else if (!EMAIL.test(email)) errors.email = "Enter an email address like ada@example.com";
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, number, email };
}
