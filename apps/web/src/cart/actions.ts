"use server";
// The cart forms' server actions. Posted without JavaScript they answer like a classic form: a
// redirect back on success (so a reload does not add the item twice), the page with the error
// otherwise. Posted through React (enhanced=1) they answer with the new cart and no navigation.
import { redirect } from "next/navigation";
import type { CartFormState } from "./form-state";
import { withParam } from "@/return-path";
import { parseLineForm } from "./form";
import { addLine, getCartSnapshot, setLineQuantity, type CartSnapshot } from "./server";

function variantOf(formData: FormData): string | null {
  const value = formData.get("variantId");
  return typeof value === "string" && value ? value : null;
}

export async function addToCart(_previous: CartFormState, formData: FormData): Promise<CartFormState> {
  const parsed = parseLineForm(formData, { minQuantity: 1, fallbackReturn: "/cart" });
  if (!parsed.ok)
    return {
      status: "error",
      variantId: variantOf(formData),
      field: parsed.field,
      message: parsed.message,
      cart: null,
    };
  const { variantId, quantity, enhanced, returnTo } = parsed.value;
  const result = await addLine(variantId, quantity);
  if (!result.ok)
    return { status: "error", variantId, field: result.field, message: result.message, cart: null };
  if (!enhanced) redirect(withParam(returnTo, "added", variantId));
  return { status: "done", variantId, field: null, message: "Added to your cart", cart: result.cart };
}

export async function updateCartLine(_previous: CartFormState, formData: FormData): Promise<CartFormState> {
  const parsed = parseLineForm(formData, { minQuantity: 0, fallbackReturn: "/cart" });
  if (!parsed.ok)
    return {
      status: "error",
      variantId: variantOf(formData),
      field: parsed.field,
      message: parsed.message,
      cart: null,
    };
  const { variantId, quantity, enhanced, returnTo } = parsed.value;
  const result = await setLineQuantity(variantId, quantity);
  if (!result.ok)
    return { status: "error", variantId, field: result.field, message: result.message, cart: null };
  if (!enhanced) redirect(returnTo);
  return {
    status: "done",
    variantId,
    field: null,
    message: quantity === 0 ? "Removed from your cart" : "Quantity updated",
    cart: result.cart,
  };
}

/**
 * The shopper's cart, for pages a shared cache keeps (their HTML leaves the cart out): the header's
 * count and the drawer ask for it once the page has loaded.
 */
export async function readCart(): Promise<CartSnapshot> {
  return getCartSnapshot();
}
