// How an audit entry reads on the Activity page, apart from the page so it is tested without a browser:
// a changed value as text (nothing for null, yes/no, amounts in cents as money, lists joined), an
// action's name in words, a role's name, and where in the admin a target can be opened.

/** A before or after value as the audit log keeps it. */
export type AuditValue = string | number | boolean | null | string[];

export interface ShownValue {
  text: string;
  /** No value at all (null, an empty text or list): shown muted, said as "none". */
  empty: boolean;
}

const CENTS = /(Cents|_cents)$/;

/** A value as a person reads it; `field` says how a number is meant ("priceCents" is money). */
export function shownValue(field: string, value: AuditValue): ShownValue {
  if (value === null) return { text: "none", empty: true };
  if (typeof value === "boolean") return { text: value ? "yes" : "no", empty: false };
  if (typeof value === "number") {
    if (CENTS.test(field) && Number.isInteger(value))
      return {
        text: (value / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        empty: false,
      };
    return { text: value.toLocaleString("en-US"), empty: false };
  }
  if (Array.isArray(value))
    return value.length === 0 ? { text: "none", empty: true } : { text: value.join(", "), empty: false };
  return value === "" ? { text: "empty", empty: true } : { text: value, empty: false };
}

/** "variant.price-changed" → "Variant price changed". */
export function actionInWords(action: string): string {
  const words = action.replace(/[.-]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ROLES: Record<string, string> = { owner: "Owner", manager: "Manager", support: "Support" };

export function roleLabel(role: string): string {
  return ROLES[role] ?? role;
}

/** The admin page of a target, where there is one: a product's or an order's. */
export function targetHref(target: { type: string; id: string }): string | null {
  const id = encodeURIComponent(target.id);
  switch (target.type) {
    case "product":
      return `/products/${id}`;
    case "order":
      return `/orders/${id}`;
    default:
      return null;
  }
}
