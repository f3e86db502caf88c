import { describe, expect, it } from "vitest";
import { parseLineForm } from "./form";

const variantId = "c3566786-e153-59c7-bc60-b99f58420bcf";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

describe("parseLineForm", () => {
  const options = { minQuantity: 1, fallbackReturn: "/cart" };

  it("reads the variant, the quantity, how it was posted and where to go back to", () => {
    expect(
      parseLineForm(
        form({ variantId, quantity: " 2 ", enhanced: "1", returnTo: "/p/shirt?variant=x" }),
        options,
      ),
    ).toEqual({
      ok: true,
      value: { variantId, quantity: 2, enhanced: true, returnTo: "/p/shirt?variant=x" },
    });
    const plain = parseLineForm(form({ variantId, quantity: "1", enhanced: "0" }), options);
    expect(plain.ok && plain.value).toMatchObject({ enhanced: false, returnTo: "/cart" });
  });

  it("names the field that is wrong", () => {
    expect(parseLineForm(form({ variantId: "", quantity: "1" }), options)).toMatchObject({
      ok: false,
      field: "variantId",
    });
    expect(parseLineForm(form({ variantId, quantity: "1.5" }), options)).toEqual({
      ok: false,
      field: "quantity",
      message: "Enter a whole number",
    });
    expect(parseLineForm(form({ variantId, quantity: "0" }), options)).toMatchObject({
      ok: false,
      message: "Enter at least 1",
    });
    expect(parseLineForm(form({ variantId, quantity: "0" }), { ...options, minQuantity: 0 }).ok).toBe(true);
    expect(parseLineForm(form({ variantId, quantity: "100" }), options)).toEqual({
      ok: false,
      field: "quantity",
      message: "You can buy at most 99 of one item",
    });
    expect(parseLineForm(form({ variantId, quantity: "99" }), options).ok).toBe(true);
  });
});
