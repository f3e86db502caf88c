import { describe, expect, it } from "vitest";
import {
  formFieldFor,
  readDetails,
  readNewProduct,
  readNewVariant,
  splitValues,
  variantCombinations,
  variantTitle,
} from "./product-form-data";

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("product form data", () => {
  it("puts the primary category first and drops repeats", () => {
    const details = readDetails(
      form([
        ["title", "  Linen Shirt "],
        ["primaryCategoryId", "c2"],
        ["categoryIds", "c1"],
        ["categoryIds", "c2"],
        ["categoryIds", "c1"],
        ["attributeValueIds", "a1"],
        ["brandId", ""],
      ]),
    );
    expect(details).toEqual({
      title: "Linen Shirt",
      description: "",
      brandId: null,
      categoryIds: ["c2", "c1"],
      attributeValueIds: ["a1"],
    });
  });

  it("reads prices exactly and options from comma lists, skipping empty slots", () => {
    const parsed = readNewProduct(
      form([
        ["title", "Tee"],
        ["price", "24.90"],
        ["compareAtPrice", ""],
        ["skuPrefix", "tee"],
        ["option0Name", "Colour"],
        ["option0Values", "Navy, Sand ,, "],
        ["option1Name", ""],
        ["option1Values", ""],
        ["option2Name", "Size"],
        ["option2Values", "S,M"],
        ["publish", "on"],
      ]),
      "USD",
    );
    expect(parsed).toEqual({
      ok: true,
      value: expect.objectContaining({
        price: 2490,
        compareAtPrice: null,
        skuPrefix: "TEE",
        status: "PUBLISHED",
        options: [
          { name: "Colour", values: ["Navy", "Sand"] },
          { name: "Size", values: ["S", "M"] },
        ],
      }),
    });
    expect(splitValues(" , ")).toEqual([]);
  });

  it("reads each variant row's own SKU and price, in the order the catalog makes the variants", () => {
    const base: [string, string][] = [
      ["title", "Tee"],
      ["price", "20"],
      ["skuPrefix", "TEE"],
      ["option0Name", "Size"],
      ["option0Values", "S, M"],
      ["option1Name", "Colour"],
      ["option1Values", "Red, Blue"],
    ];
    expect(
      variantCombinations([{ values: ["S", "M"] }, { values: ["Red", "Blue"] }]).map(variantTitle),
    ).toEqual(["S / Red", "S / Blue", "M / Red", "M / Blue"]);
    // Nothing typed in the rows: the catalog makes every SKU and price.
    expect(readNewProduct(form(base), "USD")).toMatchObject({ ok: true, value: { variants: [] } });
    const parsed = readNewProduct(form([...base, ["row3Sku", " tee-mb "], ["row1Price", "22.50"]]), "USD");
    expect(parsed.ok && parsed.value.variants).toEqual([
      { values: ["S", "Red"] },
      { values: ["S", "Blue"], price: 2250 },
      { values: ["M", "Red"] },
      { values: ["M", "Blue"], sku: "TEE-MB" },
    ]);
    expect(readNewProduct(form([...base, ["row2Price", "lots"]]), "USD")).toMatchObject({
      ok: false,
      field: "row2Price",
      message: expect.stringMatching(/^Price of M \/ Red: Enter an amount/),
    });
    expect(formFieldFor("variants.3.sku")).toBe("row3Sku");
    expect(formFieldFor("variants.1.price")).toBe("row1Price");
  });

  it("names the input of what it refuses", () => {
    const base: [string, string][] = [
      ["title", "Tee"],
      ["price", "10"],
    ];
    expect(readNewProduct(form([["price", "ten"]]), "USD")).toMatchObject({ ok: false, field: "price" });
    expect(readNewProduct(form([...base, ["compareAtPrice", "1.234"]]), "USD")).toMatchObject({
      ok: false,
      field: "compareAtPrice",
    });
    expect(readNewProduct(form([...base, ["option1Values", "S, M"]]), "USD")).toMatchObject({
      ok: false,
      field: "option1Name",
    });
    expect(readNewProduct(form([...base, ["option0Name", "Size"]]), "USD")).toMatchObject({
      ok: false,
      field: "option0Values",
      message: expect.stringContaining("Size"),
    });
    expect(readNewVariant(form([["price", "-1"]]), "USD")).toMatchObject({ ok: false, field: "price" });
  });

  it("maps the catalog's field names onto the form's inputs", () => {
    expect(formFieldFor("options.1.values.2")).toBe("option1Values");
    expect(formFieldFor("options.0.name")).toBe("option0Name");
    expect(formFieldFor("options")).toBe("option0Values");
    expect(formFieldFor("categoryIds.0")).toBe("primaryCategoryId");
    expect(formFieldFor("attributeValueIds.3")).toBe("attributeValueIds");
    expect(formFieldFor("skuPrefix")).toBe("skuPrefix");
    expect(formFieldFor(undefined)).toBeUndefined();
  });
});
