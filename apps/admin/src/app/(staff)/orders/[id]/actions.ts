"use server";
// Staff actions on an order. Each names the staff member to the orders service with a fresh service
// token; the service checks the permission itself, so a hidden button is a convenience, not the guard.
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/auth/session";
import { parseAmount } from "@/money-input";
import { ordersAs } from "@/trpc/orders";
import { refusalOf } from "@/trpc/refusal";

export interface OrderActionState {
  status: "idle" | "saved" | "error";
  message: string | null;
  field?: "amount" | "reason";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refusal(error: unknown): OrderActionState {
  const { message, field } = refusalOf(error);
  return {
    status: "error",
    message,
    ...(field === "amount" || field === "reason" ? { field } : {}),
  };
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
  const currency = text(form, "currency") || "USD";
  const amount = parseAmount(text(form, "amount"), currency);
  if (!amount.ok) return { status: "error", message: amount.message, field: "amount" };
  if (amount.minor === 0) return { status: "error", message: "Enter an amount more than 0", field: "amount" };
  const reason = text(form, "reason");
  let replayed: boolean;
  try {
    ({ replayed } = await ordersAs(staff).orders.refund.mutate({
      orderId,
      amount: amount.minor,
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
      : "Refund sent to the payment provider",
  };
}
