import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@emporium/service-kit/errors";
import { planExtraVariant, planProduct, skuToken, slugify } from "./product-plan";

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidInputError) return err.field;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("slugify and skuToken", () => {
  it("drops accents and joins words with hyphens", () => {
    expect(slugify("Crème Brûlée — Café Mug!")).toBe("creme-brulee-cafe-mug");
    expect(slugify("  --  ")).toBe("");
    expect(slugify("a".repeat(200)).length).toBe(160);
    expect(skuToken("Navy Blue")).toBe("NAVY-BLUE");
    expect(skuToken("Écru")).toBe("ECRU");
  });
});

describe("planProduct", () => {
  it("gives variants the SKUs and prices the merchant typed in their rows, and refuses rows that do not fit", () => {
    const base = {
      title: "Tee",
      skuPrefix: "TEE",
      compareAtPrice: 3000,
      options: [
        { name: "Size", values: ["S", "M"] },
        { name: "Colour", values: ["Red", "Blue"] },
      ],
    };
    const plan = planProduct({
      ...base,
      variants: [
        { values: ["m", "blue"], sku: "TEE-MB-2026", price: 2500 },
        { values: ["S", "Red"], price: 1900 },
      ],
    });
    expect(plan.variants.map((v) => [v.sku, v.price])).toEqual([
      ["TEE-S-RED", 1900],
      ["TEE-S-BLUE", undefined],
      ["TEE-M-RED", undefined],
      ["TEE-MB-2026", 2500],
    ]);
    expect(fieldOf(() => planProduct({ ...base, variants: [{ values: ["XL", "Red"] }] }))).toBe(
      "variants.0.values",
    );
    expect(fieldOf(() => planProduct({ ...base, variants: [{ values: ["S", "Red"], price: 3000 }] }))).toBe(
      "variants.0.price",
    );
    expect(
      fieldOf(() => planProduct({ ...base, variants: [{ values: ["S", "Blue"], sku: "TEE-S-RED" }] })),
    ).toBe("variants.0.sku");
  });

  it("makes one variant per combination, first option varying slowest", () => {
    const plan = planProduct({
      title: "Linen Shirt",
      skuPrefix: "LIN",
      options: [
        { name: " Colour ", values: ["Navy", "Off  White"] },
        { name: "Size", values: ["S", "M"] },
      ],
    });
    expect(plan.slug).toBe("linen-shirt");
    expect(plan.options[0]).toEqual({ name: "Colour", values: ["Navy", "Off White"] });
    expect(plan.variants).toEqual([
      { sku: "LIN-NAVY-S", title: "Navy / S", values: ["Navy", "S"] },
      { sku: "LIN-NAVY-M", title: "Navy / M", values: ["Navy", "M"] },
      { sku: "LIN-OFF-WHITE-S", title: "Off White / S", values: ["Off White", "S"] },
      { sku: "LIN-OFF-WHITE-M", title: "Off White / M", values: ["Off White", "M"] },
    ]);
  });

  it("gives a product without options one default variant under the prefix", () => {
    const plan = planProduct({ title: "Gift Card", slug: "gift-card-50", skuPrefix: "GIFT-50", options: [] });
    expect(plan).toMatchObject({ slug: "gift-card-50", variants: [{ sku: "GIFT-50", title: "Default" }] });
  });

  it("names the field of every refusal", () => {
    const base = { title: "Tee", skuPrefix: "TEE" };
    expect(fieldOf(() => planProduct({ ...base, title: "!!!", options: [] }))).toBe("slug");
    expect(
      fieldOf(() =>
        planProduct({
          ...base,
          options: [
            { name: "Size", values: ["S"] },
            { name: "SIZE", values: ["M"] },
          ],
        }),
      ),
    ).toBe("options.1.name");
    expect(fieldOf(() => planProduct({ ...base, options: [{ name: "Size", values: ["S", "s"] }] }))).toBe(
      "options.0.values.1",
    );
    // Distinct words that make the same SKU token would make two variants with one SKU.
    expect(
      fieldOf(() =>
        planProduct({ ...base, options: [{ name: "Colour", values: ["Navy blue", "navy-blue"] }] }),
      ),
    ).toBe("options.0.values.1");
    expect(fieldOf(() => planProduct({ ...base, options: [{ name: "Size", values: ["★"] }] }))).toBe(
      "options.0.values.0",
    );
    const many = (name: string) => ({ name, values: Array.from({ length: 11 }, (_, i) => `${name}${i}`) });
    expect(fieldOf(() => planProduct({ ...base, options: [many("a"), many("b")] }))).toBe("options");
    expect(
      fieldOf(() =>
        planProduct({
          ...base,
          skuPrefix: "X".repeat(24),
          options: ["A", "B", "C"].map((name) => ({ name, values: [name.repeat(30)] })),
        }),
      ),
    ).toBe("skuPrefix");
  });
});

describe("planExtraVariant", () => {
  const product = { optionNames: ["Colour", "Size"], existing: [["Navy", "S"]] };
  it("titles a new combination", () => {
    expect(planExtraVariant({ ...product, sku: "T-RUST-S", values: [" Rust ", "S"] })).toEqual({
      sku: "T-RUST-S",
      title: "Rust / S",
      values: ["Rust", "S"],
    });
  });
  it("refuses a combination the product has, or the wrong number of values", () => {
    expect(fieldOf(() => planExtraVariant({ ...product, sku: "T", values: ["navy", "s"] }))).toBe("values");
    expect(fieldOf(() => planExtraVariant({ ...product, sku: "T", values: ["Rust"] }))).toBe("values");
    expect(fieldOf(() => planExtraVariant({ ...product, sku: "T", values: ["Rust", "%"] }))).toBe("values.1");
  });
});
