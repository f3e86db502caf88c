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
