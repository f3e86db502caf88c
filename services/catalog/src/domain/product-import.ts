// Products from a spreadsheet: one CSV row per product, in the words a merchant uses (brand and
// attribute names, category paths, prices such as 24.90, option values separated by "|"), turned into
// the same input as the new-product form — and every problem reported by line and column.
import { SHOP_CURRENCY } from "@emporium/contracts";
import type { AdminProduct, AdminReference } from "./admin-types";
import { skuToken, slugify } from "./product-plan";

export const IMPORT_COLUMNS = [
  "title",
  "slug",
  "description",
  "brand",
  "categories",
  "attributes",
  "status",
  "currency",
  "price",
  "compare_at_price",
  "sku_prefix",
  "option1_name",
  "option1_values",
  "option2_name",
  "option2_values",
  "option3_name",
  "option3_values",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["title", "price", "sku_prefix"];
export const MAX_IMPORT_ROWS = 1000;
/** Separates several values in one cell: "S|M|L", "clothing/tops|sale". */
export const LIST_SEPARATOR = "|";

export interface ImportProblem {
  /** The line in the file: the header is line 1, so the first product is on line 2. */
  line: number;
  column: ImportColumn | "file";
  message: string;
}

/** The product a row describes, with names resolved to ids: what `admin.products.create` accepts. */
export interface ImportedDraft {
  title: string;
  slug?: string;
  description: string;
  brandId: string | null;
  categoryIds: string[];
  attributeValueIds: string[];
  status: string;
  currency: string;
  price: number | string;
  compareAtPrice: number | string | null;
  skuPrefix: string;
  options: { name: string; values: string[] }[];
}

export const lineOf = (index: number) => index + 2;

/** Checks the header: the required columns present, no column the import does not know. */
export function checkColumns(columns: readonly string[]): ImportProblem[] {
  const known = new Set<string>(IMPORT_COLUMNS);
  const problems: ImportProblem[] = [];
  for (const c of columns)
    if (!known.has(c))
      problems.push({
        line: 1,
        column: "file",
        message: `column "${c}" is not one the import knows (it knows ${IMPORT_COLUMNS.join(", ")})`,
      });
  for (const c of REQUIRED_COLUMNS)
    if (!columns.includes(c))
      problems.push({ line: 1, column: "file", message: `the column "${c}" is missing` });
  return problems;
}

/** A cell an export defused against spreadsheet formulas ("'=SUM…") as it was written ("=SUM…"). */
function unquoted(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function list(cell: string | undefined): string[] {
  return unquoted(cell ?? "")
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** The currency's minor-unit digits (2 for USD, 0 for JPY), from the platform's own tables. */
function exponentOf(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * "24.90" → 2490 exactly (no floating point). Anything else is passed on as written, so the input
 * schema refuses it with its own message.
 */
export function parsePrice(cell: string, currency: string): number | string {
  const exponent = exponentOf(currency);
  const m = /^(\d{1,9})(?:\.(\d+))?$/.exec(cell.replace(/,/g, "").trim());
  if (!m || (m[2]?.length ?? 0) > exponent) return cell;
  return Number(m[1]) * 10 ** exponent + Number((m[2] ?? "").padEnd(exponent, "0") || "0");
}

/** A row's cells into a draft; names that match nothing in the shop are problems of their column. */
export function rowToDraft(
  row: Readonly<Record<string, string>>,
  index: number,
  reference: AdminReference,
): { draft: ImportedDraft; problems: ImportProblem[] } {
  const line = lineOf(index);
  const problems: ImportProblem[] = [];
  const cell = (c: ImportColumn) => unquoted((row[c] ?? "").trim());

  const brandName = cell("brand").toLowerCase();
  const brand = brandName ? reference.brands.find((b) => b.name.toLowerCase() === brandName) : undefined;
  if (brandName && !brand)
    problems.push({ line, column: "brand", message: `no brand is called "${cell("brand")}"` });

  const categoryIds: string[] = [];
  for (const path of list(row.categories)) {
    const category = reference.categories.find((c) => c.path === path.toLowerCase());
    if (category) categoryIds.push(category.id);
    else problems.push({ line, column: "categories", message: `no category has the path "${path}"` });
  }

  const attributeValueIds: string[] = [];
  for (const pair of list(row.attributes)) {
    const [name = "", value = ""] = pair.split(":").map((p) => p.trim().toLowerCase());
    const attribute = reference.attributes.find((a) => a.name.toLowerCase() === name);
    const found = attribute?.values.find((v) => v.value.toLowerCase() === value);
    if (found) attributeValueIds.push(found.id);
    else
      problems.push({
        line,
        column: "attributes",
        message: attribute
          ? `${attribute.name} has no value "${pair.split(":")[1]?.trim() ?? ""}"`
          : `"${pair}" is not an attribute and value such as Material: Linen`,
      });
  }

  const currency = cell("currency").toUpperCase() || SHOP_CURRENCY;
  if (currency !== SHOP_CURRENCY)
    problems.push({
      line,
      column: "currency",
      message: `"${cell("currency")}" is not ${SHOP_CURRENCY}: the shop sells in one currency until multi-currency exists`,
    });
  const compare = cell("compare_at_price");
  const options: ImportedDraft["options"] = [];
  for (const n of [1, 2, 3] as const) {
    const name = cell(`option${n}_name`);
    const values = list(row[`option${n}_values`]);
    if (name === "" && values.length === 0) continue;
    if (name === "" || values.length === 0) {
      problems.push({
        line,
        column: name === "" ? `option${n}_name` : `option${n}_values`,
        message:
          name === ""
            ? `option ${n} has values but no name`
            : `option ${n} (${name}) needs its values, separated by "${LIST_SEPARATOR}"`,
      });
      continue;
    }
    options.push({ name, values });
  }
  const slug = cell("slug");
  return {
    draft: {
      title: cell("title"),
      ...(slug ? { slug } : {}),
      description: cell("description"),
      brandId: brand?.id ?? null,
      categoryIds: [...new Set(categoryIds)],
      attributeValueIds: [...new Set(attributeValueIds)],
      status: cell("status").toUpperCase() || "DRAFT",
      currency,
      price: parsePrice(cell("price"), currency),
      compareAtPrice: compare === "" ? null : parsePrice(compare, currency),
      skuPrefix: cell("sku_prefix").toUpperCase(),
      options,
    },
    problems,
  };
}

/** The CSV column an input field (as the create schema and the catalog name it) came from. */
export function columnFor(field: string): ImportColumn | "file" {
  // "options" alone is the matrix as a whole (too many variants): its first values column.
  if (field === "options") return "option1_values";
  const option = /^options\.(\d+)(?:\.(name|values))?/.exec(field);
  if (option)
    return `option${Number(option[1]) + 1}_${option[2] === "name" ? "name" : "values"}` as ImportColumn;
  const direct: Record<string, ImportColumn> = {
    title: "title",
    slug: "slug",
    description: "description",
    brandId: "brand",
    status: "status",
    currency: "currency",
    price: "price",
    compareAtPrice: "compare_at_price",
    skuPrefix: "sku_prefix",
  };
  const head = field.split(".")[0] ?? "";
  if (head === "categoryIds") return "categories";
  if (head === "attributeValueIds") return "attributes";
  return direct[head] ?? "file";
}

/** Minor units as the import reads them: 2490 → "24.90". */
function decimal(minor: number, currency: string): string {
  const exponent = exponentOf(currency);
  return exponent === 0 ? String(minor) : (minor / 10 ** exponent).toFixed(exponent);
}

/**
 * The SKU prefix the product's variants were made from: the first variant's SKU without its values'
 * tokens (TEE-NAVY-M → TEE). A product whose SKUs follow another scheme gives what its SKUs share.
 */
function skuPrefixOf(product: AdminProduct): string {
  const [first, ...rest] = product.variants;
  if (!first) return "";
  const values = product.options.length === 0 ? [] : first.title.split(" / ");
  const suffix = values.map((v) => `-${skuToken(v)}`).join("");
  if (suffix !== "" && first.sku.endsWith(suffix)) return first.sku.slice(0, -suffix.length);
  if (suffix === "") return first.sku;
  const shared = first.sku.split("-");
  for (const v of rest) {
    const parts = v.sku.split("-");
    let n = 0;
    while (n < shared.length && shared[n] === parts[n]) n++;
    shared.length = n;
  }
  return shared.join("-") || first.sku;
}

/**
 * A product as a row of the import's own format, so an export can be imported back. Each variant starts
 * at one price in the import: the row carries the lowest, and the first variant's compare-at price.
 */
export function exportRow(product: AdminProduct, reference: AdminReference): Record<ImportColumn, string> {
  const category = new Map(reference.categories.map((c) => [c.id, c.path]));
  const attributeValue = new Map(
    reference.attributes.flatMap((a) => a.values.map((v) => [v.id, `${a.name}: ${v.value}`] as const)),
  );
  const prices = product.variants.map((v) => v.price);
  const compare = product.variants[0]?.compareAtPrice ?? null;
  const option = (n: 0 | 1 | 2) => product.options[n];
  return {
    title: product.title,
    slug: product.slug,
    description: product.description,
    brand: product.brand ?? "",
    categories: product.categoryIds.flatMap((id) => category.get(id) ?? []).join(LIST_SEPARATOR),
    attributes: product.attributeValueIds.flatMap((id) => attributeValue.get(id) ?? []).join(LIST_SEPARATOR),
    status: product.status.toLowerCase(),
    currency: product.currency,
    price: prices.length > 0 ? decimal(Math.min(...prices), product.currency) : "",
    compare_at_price: compare === null ? "" : decimal(compare, product.currency),
    sku_prefix: skuPrefixOf(product),
    option1_name: option(0)?.name ?? "",
    option1_values: option(0)?.values.join(LIST_SEPARATOR) ?? "",
    option2_name: option(1)?.name ?? "",
    option2_values: option(1)?.values.join(LIST_SEPARATOR) ?? "",
    option3_name: option(2)?.name ?? "",
    option3_values: option(2)?.values.join(LIST_SEPARATOR) ?? "",
  };
}

/** The slug a row's product has or will have: its own, or one made from its title. */
export function slugOfDraft(draft: ImportedDraft): string {
  return draft.slug ?? slugify(draft.title);
}

const DRAFT_COLUMNS: Record<keyof ImportedDraft, ImportColumn> = {
  title: "title",
  slug: "slug",
  description: "description",
  brandId: "brand",
  categoryIds: "categories",
  attributeValueIds: "attributes",
  status: "status",
  currency: "currency",
  price: "price",
  compareAtPrice: "compare_at_price",
  skuPrefix: "sku_prefix",
  options: "option1_values",
};

/**
 * The columns in which a row differs from the product already in the shop under its slug (`existing`,
 * that product's own export row read back): none means the row changes nothing.
 */
export function differingColumns(draft: ImportedDraft, existing: ImportedDraft): ImportColumn[] {
  const keys = Object.keys(DRAFT_COLUMNS) as (keyof ImportedDraft)[];
  return keys
    .filter((k) => k !== "slug" && JSON.stringify(draft[k]) !== JSON.stringify(existing[k]))
    .map((k) => DRAFT_COLUMNS[k]);
}
