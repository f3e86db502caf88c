// The product forms' fields read into the catalog's inputs, and the catalog's field names (which
// follow its input: "options.1.values.2") mapped back onto the form's inputs. Plain functions, so the
// forms' rules are tested without a browser.
import type { SHOP_CURRENCY } from "@emporium/catalog/client";
import { parseAmount } from "@/money-input";

export type Parsed<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

export interface DetailsInput {
  title: string;
  description: string;
  brandId: string | null;
  categoryIds: string[];
  attributeValueIds: string[];
}

export interface NewProductInput extends DetailsInput {
  slug?: string;
  status: "DRAFT" | "PUBLISHED";
  /** A new product is priced in the shop's one currency. */
  currency: typeof SHOP_CURRENCY;
  price: number;
  compareAtPrice: number | null;
  skuPrefix: string;
  options: { name: string; values: string[] }[];
  /** Variant rows given their own SKU or price, one entry per row when any is (else none). */
  variants: { values: string[]; sku?: string; price?: number }[];
}

export interface NewVariantInput {
  productId: string;
  sku: string;
  values: string[];
  price: number;
  compareAtPrice: number | null;
}

export const OPTION_SLOTS = 3;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

function texts(form: FormData, name: string): string[] {
  return form
    .getAll(name)
    .filter((v): v is string => typeof v === "string" && v !== "")
    .map((v) => v.trim());
}

/** "S, M , L," → ["S", "M", "L"] */
export function splitValues(list: string): string[] {
  return list
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

export function readDetails(form: FormData): DetailsInput {
  const primary = text(form, "primaryCategoryId");
  const also = texts(form, "categoryIds").filter((id) => id !== primary);
  return {
    title: text(form, "title"),
    description: text(form, "description"),
    brandId: text(form, "brandId") || null,
    // The primary category goes first: the catalog shows it in breadcrumbs.
    categoryIds: primary ? [primary, ...new Set(also)] : [...new Set(also)],
    attributeValueIds: [...new Set(texts(form, "attributeValueIds"))],
  };
}

function readPrices(
  form: FormData,
  currency: string,
): Parsed<{ price: number; compareAtPrice: number | null }> {
  const price = parseAmount(text(form, "price"), currency);
  if (!price.ok) return { ok: false, field: "price", message: `Price: ${price.message}` };
  const compareText = text(form, "compareAtPrice");
  if (compareText === "") return { ok: true, value: { price: price.minor, compareAtPrice: null } };
  const compare = parseAmount(compareText, currency);
  if (!compare.ok)
    return { ok: false, field: "compareAtPrice", message: `Compare-at price: ${compare.message}` };
  return { ok: true, value: { price: price.minor, compareAtPrice: compare.minor } };
}

/**
 * Every combination of the options' values, first option varying slowest: the create page's variant
 * rows, in the order the catalog makes the variants.
 */
export function variantCombinations(options: readonly { values: string[] }[]): string[][] {
  return options.reduce<string[][]>(
    (acc, option) => acc.flatMap((prefix) => option.values.map((v) => [...prefix, v])),
    [[]],
  );
}

/** A variant row's title as the catalog gives it: "M / Red", or "Default" without options. */
export const variantTitle = (values: readonly string[]) =>
  values.length === 0 ? "Default" : values.join(" / ");

/** The row inputs of the create page's variant table. */
export const rowSkuName = (row: number) => `row${row}Sku`;
export const rowPriceName = (row: number) => `row${row}Price`;

/** The SKU and price typed in each variant row (empty: made from the prefix / the product's price). */
function readVariantRows(
  form: FormData,
  options: NewProductInput["options"],
  currency: string,
): Parsed<NewProductInput["variants"]> {
  const rows: NewProductInput["variants"] = [];
  let any = false;
  for (const [i, values] of variantCombinations(options).entries()) {
    const sku = text(form, rowSkuName(i)).toUpperCase();
    const priceText = text(form, rowPriceName(i));
    const row: NewProductInput["variants"][number] = { values, ...(sku ? { sku } : {}) };
    if (priceText !== "") {
      const price = parseAmount(priceText, currency);
      if (!price.ok)
        return {
          ok: false,
          field: rowPriceName(i),
          message: `Price of ${variantTitle(values)}: ${price.message}`,
        };
      row.price = price.minor;
    }
    any ||= sku !== "" || priceText !== "";
    rows.push(row);
  }
  return { ok: true, value: any ? rows : [] };
}

export function readNewProduct(form: FormData, currency: typeof SHOP_CURRENCY): Parsed<NewProductInput> {
  const prices = readPrices(form, currency);
  if (!prices.ok) return prices;
  const options: NewProductInput["options"] = [];
  for (let i = 0; i < OPTION_SLOTS; i++) {
    const name = text(form, `option${i}Name`);
    const values = splitValues(text(form, `option${i}Values`));
    if (name === "" && values.length === 0) continue;
    if (name === "")
      return { ok: false, field: `option${i}Name`, message: `Option ${i + 1}: give the option a name` };
    if (values.length === 0)
      return {
        ok: false,
        field: `option${i}Values`,
        message: `Option ${i + 1} (${name}): list its values, separated by commas`,
      };
    options.push({ name, values });
  }
  const variants = readVariantRows(form, options, currency);
  if (!variants.ok) return variants;
  const slug = text(form, "slug");
  return {
    ok: true,
    value: {
      ...readDetails(form),
      ...(slug ? { slug } : {}),
      status: form.get("publish") === "on" ? "PUBLISHED" : "DRAFT",
      currency,
      ...prices.value,
      skuPrefix: text(form, "skuPrefix").toUpperCase(),
      options,
      variants: variants.value,
    },
  };
}

export function readNewVariant(form: FormData, currency: string): Parsed<NewVariantInput> {
  const prices = readPrices(form, currency);
  if (!prices.ok) return prices;
  return {
    ok: true,
    value: {
      productId: text(form, "productId"),
      sku: text(form, "sku").toUpperCase(),
      values: texts(form, "values"),
      ...prices.value,
    },
  };
}

/**
 * The form input a catalog field name points at: "options.1.values.2" → "option1Values",
 * "categoryIds.0" → "primaryCategoryId"; names the form shares with the catalog pass through.
 */
export function formFieldFor(apiField: string | undefined): string | undefined {
  if (!apiField) return undefined;
  const option = /^options\.(\d+)\.(name|values)/.exec(apiField);
  if (option) return `option${option[1]}${option[2] === "name" ? "Name" : "Values"}`;
  if (apiField === "options") return "option0Values";
  const row = /^variants\.(\d+)\.(sku|price)/.exec(apiField);
  if (row) return row[2] === "sku" ? rowSkuName(Number(row[1])) : rowPriceName(Number(row[1]));
  if (apiField.startsWith("categoryIds")) return "primaryCategoryId";
  if (apiField.startsWith("attributeValueIds")) return "attributeValueIds";
  if (apiField.startsWith("values")) return "values";
  return apiField;
}
