// The cart as the browser may see it — everything but the token — and what a shopper should be told
// about each line's stock and price.
import { MAX_LINE_QUANTITY } from "@emporium/contracts/cart";
import type { CartLineView, CartView } from "@emporium/orders/client";
import { formatMoney } from "@emporium/ui/money";

export type ClientCart = Omit<CartView, "token">;
export type ClientCartLine = CartLineView;

/** From this many left, "only N left" is worth saying (the product page's threshold). */
const LOW_STOCK = 5;

/** The cart without its token: the token is a capability that stays in the httpOnly cookie. */
export function toClientCart(view: CartView): ClientCart {
  const { token: _token, ...cart } = view;
  return cart;
}

export interface StockNote {
  text: string;
  /** The order cannot go through with this line as it is. */
  blocking: boolean;
}

export function stockNote(line: Pick<ClientCartLine, "available" | "quantity">): StockNote | null {
  if (line.available === null) return null;
  if (line.available <= 0) return { text: "Sold out — remove it to check out", blocking: true };
  if (line.available < line.quantity)
    return { text: `Only ${line.available} left — lower the quantity to check out`, blocking: true };
  if (line.available <= LOW_STOCK) return { text: `Only ${line.available} left`, blocking: false };
  return null;
}

/** The note when the catalog's price moved since the line was added (the cart keeps its price). */
export function priceNote(line: Pick<ClientCartLine, "unitPrice" | "currentPrice">, currency: string) {
  if (line.currentPrice === null || line.currentPrice === line.unitPrice) return null;
  const now = formatMoney(line.currentPrice, currency);
  const kept = formatMoney(line.unitPrice, currency);
  return line.currentPrice > line.unitPrice
    ? `Now ${now} — you keep the ${kept} you added it at`
    : `Now ${now} — the price dropped since you added it at ${kept}`;
}

/** The most a shopper may ask for: what is left (when known), and never more than the line limit. */
export function maxQuantity(line: Pick<ClientCartLine, "available">): number {
  return line.available === null ? MAX_LINE_QUANTITY : Math.min(MAX_LINE_QUANTITY, line.available);
}

/** Why checkout cannot start yet, or null when it can. */
export function checkoutBlock(cart: ClientCart | null): string | null {
  if (!cart || cart.lines.length === 0) return "Your cart is empty";
  if (cart.lines.some((line) => stockNote(line)?.blocking))
    return "Some items are no longer available in the quantity you chose";
  return null;
}

export function itemCountLabel(count: number): string {
  return `${count} ${count === 1 ? "item" : "items"}`;
}
