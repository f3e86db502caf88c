"use server";
// Guest order lookup: order number + email → the order's access token in its cookie, then the order.
// Works as a plain form post too. A wrong number and a wrong email get the same answer, so the form
// cannot be used to find out which orders exist.
import { redirect } from "next/navigation";
import { classifyOrdersError } from "@/orders/errors";
import { orders } from "@/orders/server";
import { orderPath } from "@/session/cookies";
import { writeOrderToken } from "@/session/server";
import { checkLookup, type LookupState } from "./lookup";

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, 300) : "";
}

export async function lookupOrder(_previous: LookupState, formData: FormData): Promise<LookupState> {
  const values = { number: text(formData, "number"), email: text(formData, "email") };
  const check = checkLookup(values);
  if (!check.ok) return { status: "error", values, errors: check.errors, message: null };
  let found;
  try {
    found = await orders.order.lookup.query({ number: check.number, email: check.email });
  } catch (error) {
    const failure = classifyOrdersError(error);
    const message =
      failure.kind === "not-found" || failure.kind === "invalid"
        ? "We found no order with that number and email address. Check both and try again."
        : failure.message;
    return { status: "error", values, errors: {}, message };
  }
  await writeOrderToken(found.orderId, found.accessToken);
  redirect(orderPath(found.orderId));
}
