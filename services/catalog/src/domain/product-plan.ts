// Turning what a merchant typed into a product: a slug, and one variant per combination of option
// values with its SKU and title. Plain functions, so every rule is tested without a database.
import { InvalidInputError } from "@emporium/service-kit/errors";

export const MAX_VARIANTS = 100;
export const MAX_SKU_LENGTH = 64;

export interface OptionInput {
  name: string;
  values: string[];
}

export interface PlannedVariant {
  sku: string;
  title: string;
  /** One value per option, in option order. */
  values: string[];
}

/** What the merchant changed on one generated variant: its SKU, its price (else the product's). */
export interface VariantOverride {
  /** The combination it is for, one value per option in order. */
  values: string[];
  sku?: string | undefined;
  price?: number | undefined;
}

export interface ProductPlan {
  slug: string;
  options: OptionInput[];
  /** `price` where the merchant gave the variant its own. */
  variants: (PlannedVariant & { price?: number })[];
}

/** "Linen Shirt — Navy" → "linen-shirt-navy": lower case, accents dropped, anything else a hyphen. */
export function slugify(text: string, maxLength = 160): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}

/** The SKU part for an option value: "Navy Blue" → "NAVY-BLUE", "10½" → "10". */
export function skuToken(value: string): string {
  return slugify(value, 24).toUpperCase();
}

function clean(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

function assertDistinct(values: string[], field: (index: number) => string, what: string): void {
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    const key = v.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) throw new InvalidInputError(field(i), `"${v}" repeats ${what} ${first + 1}`);
    seen.set(key, i);
  });
}

/** Every combination of the options' values, first option varying slowest (the order shoppers read). */
function combinations(options: OptionInput[]): string[][] {
  return options.reduce<string[][]>(
    (acc, option) => acc.flatMap((prefix) => option.values.map((v) => [...prefix, v])),
    [[]],
  );
}

/**
 * Checks the options and lays out the variants. Option names and the values within an option must be
 * distinct (ignoring case), every value must give a SKU token, and the matrix is capped — a typo that
 * multiplies it into thousands of variants is refused rather than written.
 */
export function planProduct(input: {
  title: string;
  slug?: string | undefined;
  skuPrefix: string;
  options: OptionInput[];
  compareAtPrice?: number | null;
  variants?: VariantOverride[] | undefined;
}): ProductPlan {
  const slug = input.slug ?? slugify(input.title);
  if (slug === "") throw new InvalidInputError("slug", "cannot be made from this title; enter one");
  const options = input.options.map((o) => ({ name: clean(o.name), values: o.values.map(clean) }));
  assertDistinct(
    options.map((o) => o.name),
    (i) => `options.${i}.name`,
    "option",
  );
  options.forEach((o, oi) => {
    assertDistinct(o.values, (vi) => `options.${oi}.values.${vi}`, "value");
    o.values.forEach((v, vi) => {
      if (skuToken(v) === "")
        throw new InvalidInputError(`options.${oi}.values.${vi}`, `"${v}" needs a letter or digit`);
    });
    assertDistinct(o.values.map(skuToken), (vi) => `options.${oi}.values.${vi}`, "(as a SKU) value");
  });
  const count = options.reduce((n, o) => n * o.values.length, 1);
  if (count > MAX_VARIANTS)
    throw new InvalidInputError(
      "options",
      `make ${count} variants; at most ${MAX_VARIANTS} are allowed — split the product or use fewer values`,
    );
  const variants = combinations(options).map((values) => {
    const sku = [input.skuPrefix, ...values.map(skuToken)].join("-");
    if (sku.length > MAX_SKU_LENGTH)
      throw new InvalidInputError(
        "skuPrefix",
        `makes the SKU ${sku} longer than ${MAX_SKU_LENGTH} characters; use a shorter prefix or values`,
      );
    return { sku, title: values.length === 0 ? "Default" : values.join(" / "), values };
  });
  return {
    slug,
    options,
    variants: applyOverrides(variants, input.variants ?? [], input.compareAtPrice ?? null),
  };
}

const combinationKey = (values: string[]) => values.map((v) => clean(v).toLowerCase()).join("\u0000");

/** Puts the merchant's own SKUs and prices on the generated variants; each must name one of them. */
function applyOverrides(
  variants: PlannedVariant[],
  overrides: VariantOverride[],
  compareAtPrice: number | null,
): ProductPlan["variants"] {
  const planned: ProductPlan["variants"] = variants.map((v) => ({ ...v }));
  const at = new Map(planned.map((v, i) => [combinationKey(v.values), i]));
  const skuField = new Map<number, string>();
  overrides.forEach((o, i) => {
    const index = at.get(combinationKey(o.values));
    const variant = index === undefined ? undefined : planned[index];
    if (index === undefined || !variant)
      throw new InvalidInputError(
        `variants.${i}.values`,
        `${o.values.join(" / ")} is not a combination of the options`,
      );
    if (o.sku) {
      variant.sku = o.sku;
      skuField.set(index, `variants.${i}.sku`);
    }
    if (o.price !== undefined) {
      if (compareAtPrice !== null && o.price >= compareAtPrice)
        throw new InvalidInputError(`variants.${i}.price`, "must be below the compare-at price");
      variant.price = o.price;
    }
  });
  assertDistinct(
    planned.map((v) => v.sku),
    (i) => skuField.get(i) ?? "skuPrefix",
    "SKU",
  );
  return planned;
}

/**
 * A variant added to an existing product: one value for each of its options, in order, under a SKU the
 * merchant chose (seeded and imported products follow their own SKU schemes). Returns its title;
 * refuses a combination the product already has.
 */
export function planExtraVariant(input: {
  sku: string;
  optionNames: string[];
  values: string[];
  existing: string[][];
}): PlannedVariant {
  const values = input.values.map(clean);
  if (values.length !== input.optionNames.length)
    throw new InvalidInputError(
      "values",
      input.optionNames.length === 0
        ? "this product has no options, so it cannot have another variant"
        : `needs one value for each option (${input.optionNames.join(", ")})`,
    );
  values.forEach((v, i) => {
    if (skuToken(v) === "") throw new InvalidInputError(`values.${i}`, `"${v}" needs a letter or digit`);
  });
  const key = (vs: string[]) => vs.map((v) => v.toLowerCase()).join("\u0000");
  if (input.existing.some((vs) => key(vs) === key(values)))
    throw new InvalidInputError("values", `the product already has a ${values.join(" / ")} variant`);
  return { sku: input.sku, title: values.join(" / "), values };
}
