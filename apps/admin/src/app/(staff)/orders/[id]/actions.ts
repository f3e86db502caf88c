"use server";
// Staff actions on an order. Each names the staff member to the orders service with a fresh service
// token; the service checks the permission itself, so a hidden button is a convenience, not the guard.
import { revalidatePath } from "next/cache";
import { requireStaff, type Staff } from "@/auth/session";
import { parseAmount } from "@/money-input";
import { stockLocations } from "@/trpc/inventory";
import { ordersAs } from "@/trpc/orders";
import { refusalOf } from "@/trpc/refusal";
import { refundItemsOf } from "./refund-items";

export interface OrderActionState {
  status: "idle" | "saved" | "error";
  message: string | null;
  field?: "amount" | "reason" | "lines" | "restockLocationId";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refusal(error: unknown): OrderActionState {
  const { message, field } = refusalOf(error);
  const marked: OrderActionState["field"] =
    field === "amount" || field === "reason"
      ? field
      : field?.startsWith("lines")
        ? "lines"
        : field?.startsWith("restock")
          ? "restockLocationId"
          : undefined;
  return { status: "error", message, ...(marked ? { field: marked } : {}) };
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export async function cancelOrder(_prev: OrderActionState, form: FormData): Promise<OrderActionState> {
  const staff = await requireStaff();
  const orderId = text(form, "orderId");
  if (!UUID.test(orderId)) return { status: "error", message: "This is not an order" };
  const reason = text(form, "reason");
  try {
    await ordersAs(staff).orders.cancel.mutate({ orderId, ...(reason ? { reason } : {}) });
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(`/orders/${orderId}`);
  return { status: "saved", message: "Order cancelled; its stock and payment are being released" };
}

export async function refundOrder(_prev: OrderActionState, form: FormData): Promise<OrderActionState> {
  const staff = await requireStaff();
  const orderId = text(form, "orderId");
  if (!UUID.test(orderId)) return { status: "error", message: "This is not an order" };
  const reason = text(form, "reason");
  const items = refundItemsOf(form);
  if (!items.ok) return { status: "error", message: items.message, field: "lines" };
  let what: { amount: number } | { lines: typeof items.lines; restock?: { locationId: string } };
  if (items.lines.length > 0) {
    const restock =
      form.get("restock") === "on"
        ? await restockTarget(staff, text(form, "restockLocationId"), items.lines)
        : null;
    if (restock && !restock.ok)
      return { status: "error", message: restock.message, field: "restockLocationId" };
    what = { lines: items.lines, ...(restock ? { restock: { locationId: restock.locationId } } : {}) };
  } else {
    if (form.get("restock") === "on")
      return {
        status: "error",
        message: "Choose how many of which items to put back in stock, or untick Restock items",
        field: "lines",
      };
    const currency = text(form, "currency") || "USD";
    const amount = parseAmount(text(form, "amount"), currency);
    if (!amount.ok) return { status: "error", message: amount.message, field: "amount" };
    if (amount.minor === 0)
      return { status: "error", message: "Enter an amount more than 0", field: "amount" };
    what = { amount: amount.minor };
  }
  let replayed: boolean;
  try {
    ({ replayed } = await ordersAs(staff).orders.refund.mutate({
      orderId,
      ...what,
      idempotencyKey: text(form, "idempotencyKey"),
      ...(reason ? { reason } : {}),
    }));
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(`/orders/${orderId}`);
  return {
    status: "saved",
    message: replayed
      ? "This refund was already sent; it was not sent again"
      : "restock" in what && what.restock
        ? "Refund sent to the payment provider; the items go back in stock once it is confirmed"
        : "Refund sent to the payment provider",
  };
}

/**
 * The location refunded items go back to, checked against the inventory's own list: the orders service
 * passes the location on to the inventory and cannot tell a stale one itself.
 */
async function restockTarget(
  staff: Staff,
  locationId: string,
  lines: readonly { variantId: string }[],
): Promise<{ ok: true; locationId: string } | { ok: false; message: string }> {
  if (!UUID.test(locationId)) return { ok: false, message: "Choose the location to put the items back in" };
  const locations = await stockLocations(
    staff,
    lines.map((l) => l.variantId),
  );
  if (locations === null)
    return {
      ok: false,
      message: "The stock locations could not be checked just now; try again, or refund without restocking",
    };
  if (!locations.some((l) => l.id === locationId))
    return { ok: false, message: "That stock location no longer exists; reload the page and choose another" };
  return { ok: true, locationId };
}
