"use server";
// Creating and editing products. The form's fields are read and checked for shape here (amounts,
// option lists, stock counts); the catalog and the inventory check everything else — and the caller's
// permission — themselves.
import { SHOP_CURRENCY } from "@emporium/catalog/client";
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/auth/session";
import { refusalOf } from "@/trpc/refusal";
import { isCatalogUnavailable as isBackendUnavailable } from "@/trpc/catalog-unavailable";
import { inventoryAs } from "@/trpc/inventory";
import { catalogAs } from "@/trpc/server";
import {
  formFieldFor,
  readDetails,
  readNewProduct,
  readNewVariant,
  variantCombinations,
  variantTitle,
} from "./product-form-data";
import { setStockLevels } from "./set-stock-levels";
import { cellName, levelsFor, readGridCells } from "./stock-grid-data";

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

export interface NewProductState extends ProductFormState {
  /** The stock cell a refusal is about ("stock:<row>:<locationId>"). */
  cell?: string | undefined;
  /**
   * The product exists. `stockProblem` says why the stock typed was not saved; `stockDraft` holds it,
   * by the product page's input names, for the page to fill its grid with.
   */
  created?: { productId: string; stockProblem: string | null; stockDraft: Record<string, string> };
}

/**
 * The create page's one submit: the product with its variants and prices in the catalog, then every
 * stock count typed in one inventory call. Bad input anywhere is refused before anything is written;
 * stock the inventory does not take after the product exists is handed back to be saved from the
 * product's page, so nothing typed is lost.
 */
export async function createProduct(_prev: NewProductState, form: FormData): Promise<NewProductState> {
  const staff = await requireStaff();
  const input = readNewProduct(form, SHOP_CURRENCY);
  if (!input.ok) return { status: "error", message: input.message, field: input.field };
  const rows = variantCombinations(input.value.options).map((values, i) => ({
    key: String(i),
    title: variantTitle(values),
  }));
  const locations = staff.can("inventory.stock.adjust")
    ? await inventoryAs(staff).stock.locations.query()
    : [];
  const stock = readGridCells(form, rows, locations);
  if (!stock.ok) return { status: "error", message: stock.message, cell: stock.cell };
  let id: string;
  try {
    ({ id } = await catalogAs(staff).products.create.mutate(input.value));
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/products");
  if (stock.cells.length === 0) return created(id, null, {});

  // The catalog makes the variants in the rows' order.
  let variants;
  try {
    ({ variants } = await catalogAs(staff).products.get.query({ id }));
  } catch (error) {
    if (!isBackendUnavailable(error)) throw error;
    return created(
      id,
      "The catalog did not answer after creating the product, so the stock was not saved.",
      {},
    );
  }
  const variantOf = (rowKey: string) => {
    const v = variants[Number(rowKey)];
    return v && { variantId: v.id, sku: v.sku };
  };
  const levels = levelsFor(stock.cells, variantOf);
  const saved = await setStockLevels(staff, {
    idempotencyKey: String(form.get("idempotencyKey") ?? ""),
    note: "Opening stock",
    levels,
    rowOf: (variantId) => rows[variants.findIndex((v) => v.id === variantId)],
    locations,
  });
  if (saved.ok) return created(id, null, {});
  const draft = Object.fromEntries(
    stock.cells.flatMap((c) => {
      const v = variantOf(c.rowKey);
      return v ? [[cellName(v.variantId, c.locationId), String(c.onHand)]] : [];
    }),
  );
  return created(id, saved.message, draft);
}

function created(
  productId: string,
  stockProblem: string | null,
  stockDraft: Record<string, string>,
): NewProductState {
  return {
    status: "saved",
    message: stockProblem ? "Product created; its stock is not saved yet" : "Product created",
    created: { productId, stockProblem, stockDraft },
  };
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
