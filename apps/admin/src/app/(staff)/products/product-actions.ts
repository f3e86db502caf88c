"use server";
// Creating and editing products. The form's fields are read and checked for shape here (amounts,
// option lists); the catalog checks everything else — and the caller's permission — itself.
import { SHOP_CURRENCY } from "@emporium/catalog/client";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/auth/session";
import { refusalOf } from "@/trpc/refusal";
import { catalogAs } from "@/trpc/server";
import { formFieldFor, readDetails, readNewProduct, readNewVariant } from "./product-form-data";

export interface ProductFormState {
  status: "idle" | "saved" | "error";
  message: string | null;
  /** The form input the message is about, so it can be marked invalid and focused. */
  field?: string | undefined;
}

function refused(error: unknown): ProductFormState {
  const { message, field } = refusalOf(error);
  return { status: "error", message, field: formFieldFor(field) };
}

function currencyOf(form: FormData): string {
  const value = form.get("currency");
  return typeof value === "string" && /^[A-Z]{3}$/.test(value) ? value : "USD";
}

export async function createProduct(_prev: ProductFormState, form: FormData): Promise<ProductFormState> {
  const staff = await requireStaff();
  const input = readNewProduct(form, SHOP_CURRENCY);
  if (!input.ok) return { status: "error", message: input.message, field: input.field };
  let id: string;
  try {
    ({ id } = await catalogAs(staff).products.create.mutate(input.value));
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/products");
  redirect(`/products/${id}?created=1`);
}

export async function updateProduct(_prev: ProductFormState, form: FormData): Promise<ProductFormState> {
  const staff = await requireStaff();
  const id = String(form.get("productId") ?? "");
  try {
    await catalogAs(staff).products.update.mutate({ id, ...readDetails(form) });
  } catch (error) {
    return refused(error);
  }
  revalidatePath(`/products/${id}`);
  revalidatePath("/products");
  return { status: "saved", message: "Details saved" };
}

export async function addVariant(_prev: ProductFormState, form: FormData): Promise<ProductFormState> {
  const staff = await requireStaff();
  const input = readNewVariant(form, currencyOf(form));
  if (!input.ok) return { status: "error", message: input.message, field: input.field };
  let sku: string;
  try {
    ({ sku } = await catalogAs(staff).variants.create.mutate(input.value));
  } catch (error) {
    return refused(error);
  }
  revalidatePath(`/products/${input.value.productId}`);
  return { status: "saved", message: `Variant ${sku} added` };
}
