// How an order's status and payment read in the admin: one label and badge tone each.
import type { OrderView, PaymentState } from "@emporium/orders/client";
import { Badge, type BadgeTone } from "@emporium/ui/badge";
import { formatMoney } from "@emporium/ui/money";

export type OrderStatus = OrderView["status"];

export const ORDER_STATUSES: { value: OrderStatus; label: string; tone: BadgeTone }[] = [
  { value: "PENDING", label: "Pending", tone: "warning" },
  { value: "CONFIRMED", label: "Confirmed", tone: "brand" },
  { value: "SHIPPED", label: "Shipped", tone: "brand" },
  { value: "DELIVERED", label: "Delivered", tone: "success" },
  { value: "CANCELLED", label: "Cancelled", tone: "neutral" },
];

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const s = ORDER_STATUSES.find((x) => x.value === status);
  return <Badge tone={s?.tone ?? "neutral"}>{s?.label ?? status}</Badge>;
}

/** An order list's Total cell: the total, and under it what has been refunded of it, if anything. */
export function OrderTotalCell({
  total,
  refunded,
  currency,
}: {
  total: number;
  refunded: number;
  currency: string;
}) {
  return (
    <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
      {formatMoney(total, currency)}
      {refunded > 0 && (
        <span className="block text-xs text-ink-muted">{formatMoney(refunded, currency)} refunded</span>
      )}
    </td>
  );
}

export const PAYMENT_LABELS: Record<PaymentState, string> = {
  none: "Not charged",
  pending: "Authorising",
  authorized: "Authorised",
  voided: "Authorisation released",
  captured: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
};
