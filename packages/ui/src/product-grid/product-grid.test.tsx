import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ProductGrid } from "./product-grid";

describe("ProductGrid", () => {
  it("is a named list with one item per product", () => {
    render(
      <ProductGrid label="New arrivals">
        <span>Linen Shirt</span>
        <span>Canvas Tote</span>
        {null}
      </ProductGrid>,
    );
    const list = screen.getByRole("list", { name: "New arrivals" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((i) => i.textContent)).toEqual(["Linen Shirt", "Canvas Tote"]);
  });
});
