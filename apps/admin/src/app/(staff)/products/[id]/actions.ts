"use server";
// Staff changes to a product. Each action names the staff member to the catalog with a fresh service
// token; the catalog checks the permission itself, so a hidden button is a convenience, not the guard.
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/auth/session";
import { parseAmount } from "@/money-input";
import { refusalOf as refusal } from "@/trpc/refusal";
import { catalogAs } from "@/trpc/server";

export interface PriceFormState {
  status: "idle" | "saved" | "error";
  message: string | null;
  field?: "price" | "compareAtPrice";
}

export interface StatusFormState {
  status: "idle" | "saved" | "error";
  message: string | null;
}

export async function savePrice(_prev: PriceFormState, form: FormData): Promise<PriceFormState> {
  const staff = await requireStaff();
  const variantId = String(form.get("variantId") ?? "");
  const productId = String(form.get("productId") ?? "");
  const currency = String(form.get("currency") ?? "USD");
  const price = parseAmount(String(form.get("price") ?? ""), currency);
  if (!price.ok) return { status: "error", message: `Price: ${price.message}`, field: "price" };
  const compareText = String(form.get("compareAtPrice") ?? "").trim();
  const compare = compareText === "" ? null : parseAmount(compareText, currency);
  if (compare && !compare.ok)
    return { status: "error", message: `Compare-at price: ${compare.message}`, field: "compareAtPrice" };
  try {
    await catalogAs(staff).variants.setPrice.mutate({
      variantId,
      price: price.minor,
      compareAtPrice: compare ? compare.minor : null,
    });
  } catch (error) {
    const { message, field } = refusal(error);
    return {
      status: "error",
      message,
      ...(field === "price" || field === "compareAtPrice" ? { field } : {}),
    };
  }
  revalidatePath(`/products/${productId}`);
  return { status: "saved", message: "Price saved" };
}

export async function saveStatus(_prev: StatusFormState, form: FormData): Promise<StatusFormState> {
  const staff = await requireStaff();
  const id = String(form.get("productId") ?? "");
  const status = String(form.get("status") ?? "");
  if (status !== "PUBLISHED" && status !== "DRAFT" && status !== "ARCHIVED")
    return { status: "error", message: "Choose published, draft or archived" };
  try {
    await catalogAs(staff).products.setStatus.mutate({ id, status });
  } catch (error) {
    return { status: "error", message: refusal(error).message };
  }
  revalidatePath(`/products/${id}`);
  revalidatePath("/products");
  return { status: "saved", message: status === "PUBLISHED" ? "Published" : "Unpublished" };
}
