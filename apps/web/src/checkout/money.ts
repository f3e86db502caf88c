// Money at checkout: integer minor units only, so sums are exact.
import { formatMoney } from "@emporium/ui/money";

export interface ShippingMethod {
  id: string;
  name: string;
  description: string;
  price: number;
  /** Free from this subtotal up; null when never free. */
  freeFrom: number | null;
}

export function isMinorUnits(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** Adds amounts in minor units; refuses anything that is not a whole, non-negative amount. */
export function sumMoney(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) {
    if (!isMinorUnits(amount)) throw new Error(`not an amount in minor units: ${amount}`);
    total += amount;
  }
  if (!Number.isSafeInteger(total)) throw new Error("total too large");
  return total;
}

/** What a method costs for this subtotal (the orders service applies the same rule). */
export function shippingCost(method: Pick<ShippingMethod, "price" | "freeFrom">, subtotal: number): number {
  return method.freeFrom !== null && subtotal >= method.freeFrom ? 0 : method.price;
}

/** "Free", or the price with when it would become free: "$5.00 · free from $75.00". */
export function shippingLabel(method: ShippingMethod, subtotal: number, currency: string): string {
  const cost = shippingCost(method, subtotal);
  if (cost === 0) return "Free";
  const price = formatMoney(cost, currency);
  return method.freeFrom === null ? price : `${price} · free from ${formatMoney(method.freeFrom, currency)}`;
}

/** The order total before the service has confirmed it: items plus shipping. */
export function estimatedTotal(subtotal: number, method: Pick<ShippingMethod, "price" | "freeFrom">): number {
  return sumMoney([subtotal, shippingCost(method, subtotal)]);
}
