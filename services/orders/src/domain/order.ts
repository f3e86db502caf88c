// An order's plain data as every reader of it shares it — the stored record, the shopper's view and
// the staff's view: who placed it, its status and money, its delivery and its lines.
import type { OrderStatusName } from "@emporium/contracts";

export interface OrderLine {
  variantId: string;
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

export interface OrderFields {
  id: string;
  number: string;
  email: string;
  status: OrderStatusName;
  cancelReason: string | null;
  currency: string;
  subtotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
  shippingMethod: string;
  shippingAddress: unknown;
  carrier: string | null;
  trackingNumber: string | null;
  lines: OrderLine[];
}

/** The shared fields of any record that has them, and nothing else (records carry more). */
export function orderFieldsOf(o: OrderFields): OrderFields {
  return {
    id: o.id,
    number: o.number,
    email: o.email,
    status: o.status,
    cancelReason: o.cancelReason,
    currency: o.currency,
    subtotal: o.subtotal,
    shippingTotal: o.shippingTotal,
    taxTotal: o.taxTotal,
    total: o.total,
    shippingMethod: o.shippingMethod,
    shippingAddress: o.shippingAddress,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    lines: o.lines.map((l) => ({
      variantId: l.variantId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      lineTotal: l.lineTotal,
    })),
  };
}
