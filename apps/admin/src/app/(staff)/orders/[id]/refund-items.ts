// A refund's items as the order page's form carries them: one "quantity.<variant id>" field per line.
// The form adds them up as they are typed; the server action reads them back into the lines the orders
// service refunds (which prices them again, and is the one that decides).

export const QUANTITY_FIELD_PREFIX = "quantity.";

/** What the chosen units come to at the prices they were sold for. */
export function refundItemsTotal(
  lines: readonly { variantId: string; unitPrice: number }[],
  quantities: ReadonlyMap<string, number>,
): number {
  return lines.reduce((sum, l) => sum + l.unitPrice * (quantities.get(l.variantId) ?? 0), 0);
}

export type RefundItems =
  { ok: true; lines: { variantId: string; quantity: number }[] } | { ok: false; message: string };

/** The lines with a quantity above 0 (none: a refund by amount); a quantity that is not a count is refused. */
export function refundItemsOf(form: FormData): RefundItems {
  const lines: { variantId: string; quantity: number }[] = [];
  for (const [name, value] of form) {
    if (!name.startsWith(QUANTITY_FIELD_PREFIX) || typeof value !== "string") continue;
    const text = value.trim() || "0";
    if (!/^\d{1,4}$/.test(text))
      return { ok: false, message: "Enter how many of each item to refund as a whole number, 0 or more" };
    const quantity = Number(text);
    if (quantity > 0) lines.push({ variantId: name.slice(QUANTITY_FIELD_PREFIX.length), quantity });
  }
  return { ok: true, lines };
}
