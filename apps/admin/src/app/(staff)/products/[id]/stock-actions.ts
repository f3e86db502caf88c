"use server";
// Staff changes to stock: an adjustment with its reason, and a low-stock threshold. Each names the
// staff member to the inventory with a fresh service token; the inventory checks the permission
// itself, so a hidden form is a convenience, not the guard.
import { revalidatePath } from "next/cache";
import { ADJUSTMENT_REASONS, type AdjustmentReason } from "@emporium/inventory/client";
import { requireStaff } from "@/auth/session";
import { inventoryAs } from "@/trpc/inventory";
import { refusalOf } from "@/trpc/refusal";
import { catalogAs } from "@/trpc/server";
import { setStockLevels } from "../set-stock-levels";
import { levelsFor, readGridCells } from "../stock-grid-data";

export type StockField = "level" | "delta" | "reason" | "note" | "threshold";

export interface StockFormState {
  status: "idle" | "saved" | "error";
  message: string | null;
  field?: StockField;
}

const WHOLE = /^[+-]?\d{1,7}$/;

/** "variantId:locationId" from the stock-level select. */
function levelOf(form: FormData): { variantId: string; locationId: string } | null {
  const [variantId, locationId] = String(form.get("level") ?? "").split(":");
  return variantId && locationId ? { variantId, locationId } : null;
}

function isReason(value: string): value is AdjustmentReason {
  return (ADJUSTMENT_REASONS as readonly string[]).includes(value);
}

/** The backend's field names, as the form's fields. */
function formField(field: string | undefined): StockField | undefined {
  if (field === "variantId" || field === "locationId") return "level";
  if (field === "delta" || field === "onHand") return "delta";
  if (field === "reason" || field === "note" || field === "threshold") return field;
  return undefined;
}

const LABELS: Record<StockField, string> = {
  level: "Variant and location",
  delta: "Change in units",
  reason: "Reason",
  note: "Note",
  threshold: "Threshold in units",
};

/** "delta: cannot remove 9; …" reads as "Change in units: cannot remove 9; …", as the form names it. */
function refused(error: unknown): StockFormState {
  const { raw: message, field } = refusalOf(error);
  const mapped = formField(field);
  if (!mapped || !field) return { status: "error", message };
  const prefix = new RegExp(`^(Invalid input: )?${field}: `);
  return { status: "error", message: message.replace(prefix, `${LABELS[mapped]}: `), field: mapped };
}

export async function adjustStock(_prev: StockFormState, form: FormData): Promise<StockFormState> {
  const staff = await requireStaff();
  const productId = String(form.get("productId") ?? "");
  const level = levelOf(form);
  if (!level) return { status: "error", message: "Choose a variant and location", field: "level" };
  const deltaText = String(form.get("delta") ?? "").trim();
  if (!WHOLE.test(deltaText) || Number(deltaText) === 0)
    return {
      status: "error",
      message: "Change: enter a whole number of units, positive to add or negative to remove (e.g. 5 or -2)",
      field: "delta",
    };
  const reason = String(form.get("reason") ?? "");
  if (!isReason(reason))
    return { status: "error", message: "Reason: choose why the stock changes", field: "reason" };
  const note = String(form.get("note") ?? "").trim();
  try {
    const result = await inventoryAs(staff).stock.adjust.mutate({
      ...level,
      delta: Number(deltaText),
      reason,
      ...(note ? { note } : {}),
    });
    revalidatePath(`/products/${productId}`);
    const { delta, onHandAfter } = result.adjustment;
    return {
      status: "saved",
      message: `Stock ${delta > 0 ? "increased" : "reduced"} by ${Math.abs(delta)}: ${onHandAfter} on hand`,
    };
  } catch (error) {
    return refused(error);
  }
}

export async function setThreshold(_prev: StockFormState, form: FormData): Promise<StockFormState> {
  const staff = await requireStaff();
  const productId = String(form.get("productId") ?? "");
  const level = levelOf(form);
  if (!level) return { status: "error", message: "Choose a variant and location", field: "level" };
  const text = String(form.get("threshold") ?? "").trim();
  if (!/^\d{1,6}$/.test(text))
    return {
      status: "error",
      message: "Threshold: enter a whole number of units from 0 to 100000",
      field: "threshold",
    };
  try {
    const saved = await inventoryAs(staff).stock.setThreshold.mutate({ ...level, threshold: Number(text) });
    revalidatePath(`/products/${productId}`);
    revalidatePath("/");
    return { status: "saved", message: `Threshold set to ${saved.lowStockThreshold}` };
  } catch (error) {
    return refused(error);
  }
}

export interface StockGridState {
  status: "idle" | "saved" | "error";
  message: string | null;
  /** The refused cell's input name. */
  cell?: string | undefined;
}

/**
 * The product page's stock grid: every count changed, in one inventory call. The form carries only the
 * cells the person changed, so a level someone else adjusted meanwhile is not overwritten.
 */
export async function saveStockGrid(_prev: StockGridState, form: FormData): Promise<StockGridState> {
  const staff = await requireStaff();
  const productId = String(form.get("productId") ?? "");
  const idempotencyKey = String(form.get("idempotencyKey") ?? "");
  const [product, locations] = await Promise.all([
    catalogAs(staff).products.get.query({ id: productId }),
    inventoryAs(staff).stock.locations.query(),
  ]);
  const rows = product.variants.map((v) => ({ key: v.id, title: v.title }));
  const read = readGridCells(form, rows, locations);
  if (!read.ok) return { status: "error", message: read.message, cell: read.cell };
  if (read.cells.length === 0)
    return { status: "error", message: "No count was changed, so there is nothing to save" };
  const skuOf = new Map(product.variants.map((v) => [v.id, v.sku]));
  const levels = levelsFor(read.cells, (variantId) => ({ variantId, sku: skuOf.get(variantId) ?? "" }));
  const saved = await setStockLevels(staff, {
    idempotencyKey,
    levels,
    rowOf: (variantId) => rows.find((r) => r.key === variantId),
    locations,
  });
  if (!saved.ok) return { status: "error", message: saved.message, cell: saved.cell };
  revalidatePath(`/products/${productId}`);
  revalidatePath("/");
  const n = saved.changed;
  return {
    status: "saved",
    message:
      saved.replayed || n === 0 ? "Stock saved" : `Stock saved: ${n} ${n === 1 ? "level" : "levels"} changed`,
  };
}
