import { describe, expect, it } from "vitest";
import { formFieldFor, readDetails, readNewProduct, readNewVariant, splitValues } from "./product-form-data";

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
