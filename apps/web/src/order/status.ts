// How an order's state reads to a shopper: the four stages it goes through, what its status means,
// and whether anything more can happen to it.
import type { OrdersRouterOutputs } from "@emporium/orders/client";
import type { ShippingAddress } from "@/checkout/details";

/** An order as the orders API delivers it (JSON: its stored address arrives untyped). */
export type OrderView = OrdersRouterOutputs["order"]["get"];
export type OrderStatus = OrderView["status"];

export const STAGES: readonly { status: Exclude<OrderStatus, "CANCELLED">; label: string }[] = [
  { status: "PENDING", label: "Received" },
  { status: "CONFIRMED", label: "Confirmed" },
  { status: "SHIPPED", label: "Shipped" },
  { status: "DELIVERED", label: "Delivered" },
];

const LABELS: Record<OrderStatus, string> = {
  PENDING: "Received — we are checking stock and payment",
  CONFIRMED: "Confirmed — we are packing it",
  SHIPPED: "Shipped — on its way to you",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

export function statusLabel(status: OrderStatus): string {
  return LABELS[status];
}

/** 0–3 along STAGES; -1 for a cancelled order. */
export function stageIndex(status: OrderStatus): number {
  return STAGES.findIndex((s) => s.status === status);
}

/** Nothing more will change: delivered. (A cancelled order may still get refund notes.) */
export function isSettled(status: OrderStatus): boolean {
  return status === "DELIVERED";
}

/**
 * The cancel reason as a headline: "Payment declined: The card was declined." reads as
 * "Payment declined — the card was declined".
 */
export function cancelHeadline(reason: string | null): string {
  if (!reason) return "This order was cancelled";
  const colon = reason.indexOf(": ");
  if (colon <= 0) return reason.replace(/\.$/, "");
  const detail = reason.slice(colon + 2).replace(/\.$/, "");
  // "The card was declined" continues the sentence in lower case; a product name keeps its capital.
  const continued = /^(The|A|An|Your|This|We|It) /.test(detail)
    ? `${detail.charAt(0).toLowerCase()}${detail.slice(1)}`
    : detail;
  return `${reason.slice(0, colon)} — ${continued}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const STATUSES = new Set<string>(["PENDING", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED"]);

const isText = (value: unknown): value is string => typeof value === "string";
const isAmount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isTextOrNull = (value: unknown) => value === null || isText(value);

function isOrderLine(value: unknown): boolean {
  return (
    isRecord(value) &&
    isText(value.variantId) &&
    isText(value.sku) &&
    isText(value.title) &&
    isAmount(value.quantity) &&
    isAmount(value.unitPrice) &&
    isAmount(value.lineTotal)
  );
}

function isTimelineEntry(value: unknown): boolean {
  return (
    isRecord(value) &&
    isText(value.status) &&
    STATUSES.has(value.status) &&
    isText(value.code) &&
    isText(value.message) &&
    isText(value.at)
  );
}

/** Whether a value from the live stream has the orders service's OrderView shape, field by field. */
export function isOrderView(value: unknown): value is OrderView {
  return (
    isRecord(value) &&
    isText(value.id) &&
    isText(value.number) &&
    isText(value.email) &&
    isText(value.status) &&
    STATUSES.has(value.status) &&
    isTextOrNull(value.cancelReason) &&
    isText(value.currency) &&
    isAmount(value.subtotal) &&
    isAmount(value.shippingTotal) &&
    isAmount(value.taxTotal) &&
    isAmount(value.total) &&
    isText(value.shippingMethod) &&
    Array.isArray(value.lines) &&
    value.lines.every(isOrderLine) &&
    isTextOrNull(value.carrier) &&
    isTextOrNull(value.trackingNumber) &&
    isText(value.createdAt) &&
    isText(value.updatedAt) &&
    Array.isArray(value.timeline) &&
    value.timeline.every(isTimelineEntry)
  );
}

/** An order from the live stream, or null for anything that is not one. */
export function readOrderView(json: string): OrderView | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  return isOrderView(value) ? value : null;
}

/** The stored shipping address, checked field by field (the API types it as unknown). */
export function addressOf(value: unknown): ShippingAddress | null {
  if (!isRecord(value)) return null;
  const text = (key: string) => (typeof value[key] === "string" ? String(value[key]) : undefined);
  const name = text("name");
  const line1 = text("line1");
  const city = text("city");
  const postalCode = text("postalCode");
  const country = text("country");
  if (!name || !line1 || !city || !postalCode || !country) return null;
  return {
    name,
    line1,
    city,
    postalCode,
    country,
    ...(text("line2") ? { line2: text("line2") } : {}),
    ...(text("region") ? { region: text("region") } : {}),
    ...(text("phone") ? { phone: text("phone") } : {}),
  };
}
