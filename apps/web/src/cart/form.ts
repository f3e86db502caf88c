// The cart forms' fields, read from FormData. The same forms post without JavaScript (and are then
// answered with a redirect back) and through React with it (and are answered with the new cart).
import { MAX_LINE_QUANTITY } from "@emporium/contracts/cart";
import { safeReturnPath } from "@/return-path";

const VARIANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ParsedForm<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

export interface LineInput {
  variantId: string;
  quantity: number;
  /** Posted through React after hydration: answer with state instead of a redirect. */
  enhanced: boolean;
  returnTo: string;
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export function parseLineForm(
  formData: FormData,
  options: { minQuantity: number; fallbackReturn: string },
): ParsedForm<LineInput> {
  const variantId = text(formData, "variantId");
  if (!VARIANT_ID.test(variantId))
    return { ok: false, field: "variantId", message: "Choose the options of the item you want" };
  const raw = text(formData, "quantity");
  const quantity = Number(raw);
  if (raw === "" || !Number.isInteger(quantity))
    return { ok: false, field: "quantity", message: "Enter a whole number" };
  if (quantity < options.minQuantity)
    return { ok: false, field: "quantity", message: `Enter at least ${options.minQuantity}` };
  if (quantity > MAX_LINE_QUANTITY)
    return { ok: false, field: "quantity", message: `You can buy at most ${MAX_LINE_QUANTITY} of one item` };
  return {
    ok: true,
    value: {
      variantId: variantId.toLowerCase(),
      quantity,
      enhanced: text(formData, "enhanced") === "1",
      returnTo: safeReturnPath(formData.get("returnTo"), options.fallbackReturn),
    },
  };
}
