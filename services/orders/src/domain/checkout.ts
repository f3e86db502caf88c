// Prices and totals at checkout: plain arithmetic on integer cents.

export const SHIPPING_METHODS = [
  { id: "standard", name: "Standard delivery", description: "3–5 working days", price: 500, freeFrom: 7500 },
  { id: "express", name: "Express delivery", description: "Next working day", price: 1500, freeFrom: null },
] as const;

export type ShippingMethodId = (typeof SHIPPING_METHODS)[number]["id"];

export interface PricedLine {
  quantity: number;
  unitPrice: number;
}

export interface Totals {
  subtotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
}

export function shippingPrice(method: ShippingMethodId, subtotal: number): number {
  const m = SHIPPING_METHODS.find((s) => s.id === method);
  if (!m) throw new Error(`unknown shipping method ${method}`);
  return m.freeFrom !== null && subtotal >= m.freeFrom ? 0 : m.price;
}

/** Prices are shown tax-inclusive, so tax is not added on top (taxTotal stays 0 until tax rules exist). */
export function computeTotals(lines: readonly PricedLine[], method: ShippingMethodId): Totals {
  const subtotal = lines.reduce((n, l) => n + l.quantity * l.unitPrice, 0);
  const shippingTotal = shippingPrice(method, subtotal);
  return { subtotal, shippingTotal, taxTotal: 0, total: subtotal + shippingTotal };
}

export interface OrderRequest {
  email: string;
  shippingMethod: string;
  shippingAddress: object;
  lines: readonly { variantId: string; quantity: number; unitPrice: number }[];
}

/** A stable text of what an order is for: who, where, how, and which lines at which prices. */
function orderKey(o: OrderRequest): string {
  const address = Object.entries(o.shippingAddress)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = o.lines
    .map((l) => [l.variantId, l.quantity, l.unitPrice] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([o.email.trim().toLowerCase(), o.shippingMethod, address, lines]);
}

/**
 * Whether a checkout asks for the same order as one awaiting another card — then it pays that order
 * with the new card; anything changed (an item, the address, the method) makes a new order instead.
 */
export function sameOrder(a: OrderRequest, b: OrderRequest): boolean {
  return orderKey(a) === orderKey(b);
}
