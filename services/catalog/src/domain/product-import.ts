// Products from a spreadsheet: one CSV row per product, in the words a merchant uses (brand and
// attribute names, category paths, prices such as 24.90, option values separated by "|"), turned into
// the same input as the new-product form — and every problem reported by line and column.
import { SHOP_CURRENCY } from "@emporium/contracts";
import type { AdminReference } from "./admin-types";

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

function list(cell: string | undefined): string[] {
  return (cell ?? "")
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
  const cell = (c: ImportColumn) => (row[c] ?? "").trim();

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
