// The checkout's order summary beside the steps: the lines, and the totals — estimated from the chosen
// shipping method until the review step has the orders service's own figures.
import { formatMoney } from "@emporium/ui/money";
import type { ClientCart } from "@/cart/client-cart";
import { estimatedTotal, shippingCost, type ShippingMethod } from "./money";

export interface OrderSummaryProps {
  cart: ClientCart;
  method: ShippingMethod | null;
  confirmed: { subtotal: number; shippingTotal: number; total: number } | null;
}

export function OrderSummary({ cart, method, confirmed }: OrderSummaryProps) {
  const money = (amount: number) => formatMoney(amount, cart.currency);
  const shipping = confirmed ? confirmed.shippingTotal : method ? shippingCost(method, cart.subtotal) : null;
  const total = confirmed ? confirmed.total : method ? estimatedTotal(cart.subtotal, method) : null;
  return (
    <div className="rounded-2xl border border-line bg-surface p-6">
      <h2 className="text-lg font-semibold">Order summary</h2>
      <ul className="mt-4 divide-y divide-line" aria-label="Items">
        {cart.lines.map((line) => (
          <li key={line.variantId} className="flex items-start gap-3 py-3 text-sm">
            {line.image && (
              <img
                src={line.image.url}
                alt=""
                width={line.image.width}
                height={line.image.height}
                loading="lazy"
                className="aspect-[4/5] w-12 shrink-0 rounded-md object-cover"
              />
            )}
            <span className="min-w-0 flex-1">
              <span className="block text-ink">{line.title}</span>
              <span className="block text-ink-muted">Qty {line.quantity}</span>
            </span>
            <span className="tabular-nums">{money(line.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl className="mt-4 grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 border-t border-line pt-4 text-sm">
        <dt className="text-ink-muted">Items</dt>
        <dd className="text-right tabular-nums">{money(confirmed ? confirmed.subtotal : cart.subtotal)}</dd>
        <dt className="text-ink-muted">Shipping</dt>
        <dd className="text-right tabular-nums">
          {shipping === null ? "Chosen next" : shipping === 0 ? "Free" : money(shipping)}
        </dd>
        <dt className="font-semibold">{confirmed ? "Total" : "Estimated total"}</dt>
        <dd className="text-right font-semibold tabular-nums">{money(total ?? cart.subtotal)}</dd>
      </dl>
    </div>
  );
}
