import { fireEvent, render, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { ProductDetail } from "@emporium/catalog/client";
import { ProductView } from "./product-view";

const product: ProductDetail = {
  id: "p1",
  slug: "field-jacket",
  title: "Field Jacket",
  description: "A jacket.",
  brand: null,
  currency: "USD",
  minPrice: 9000,
  maxPrice: 9200,
  inStock: true,
  breadcrumbs: [],
  options: [
    {
      id: "colour",
      name: "Colour",
      values: [
        { id: "navy", value: "Navy" },
        { id: "sand", value: "Sand" },
      ],
    },
    {
      id: "size",
      name: "Size",
      values: [
        { id: "s", value: "S" },
        { id: "xxl", value: "XXL" },
      ],
    },
  ],
  variants: [
    {
      id: "navy-s",
      sku: "FJ-NAV-S",
      title: "Navy / S",
      price: 9000,
      compareAtPrice: 12000,
      available: 40,
      optionValueIds: ["navy", "s"],
    },
    {
      id: "navy-xxl",
      sku: "FJ-NAV-XXL",
      title: "Navy / XXL",
      price: 9200,
      compareAtPrice: null,
      available: 0,
      optionValueIds: ["navy", "xxl"],
    },
    {
      id: "sand-s",
      sku: "FJ-SAN-S",
      title: "Sand / S",
      price: 9000,
      compareAtPrice: null,
      available: 3,
      optionValueIds: ["sand", "s"],
    },
  ],
  media: [
    { url: "/media/navy.webp", alt: "Field Jacket in Navy", width: 480, height: 600, optionValueId: "navy" },
    { url: "/media/sand.webp", alt: "Field Jacket in Sand", width: 480, height: 600, optionValueId: "sand" },
  ],
  attributes: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

function renderView(initialVariantId: string | null = null) {
  return render(
    <ProductView product={product} initialVariantId={initialVariantId} heading={<h1>Field Jacket</h1>}>
      <p>Details</p>
    </ProductView>,
  );
}

const option = (group: string, name: RegExp) =>
  within(screen.getByRole("group", { name: new RegExp(`^${group}`) })).getByRole("button", { name });

describe("ProductView", () => {
  beforeEach(() => window.history.replaceState(null, "", "/p/field-jacket"));

  it("opens on the first variant in stock with its sale price, availability and SKU", () => {
    renderView();
    expect(option("Colour", /^Navy$/).getAttribute("aria-pressed")).toBe("true");
    expect(option("Size", /^S$/).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText("In stock")).toBeTruthy();
    expect(screen.getByText("FJ-NAV-S")).toBeTruthy();
    expect(document.querySelector("s")?.textContent).toBe("Original price $120.00");
  });

  it("opens on the variant named in the URL", () => {
    renderView("sand-s");
    expect(option("Colour", /^Sand$/).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText("Only 3 left")).toBeTruthy();
  });

  it("follows a new choice: price, availability, SKU, URL and picture", () => {
    renderView();
    fireEvent.click(option("Size", /^XXL/));
    expect(screen.getByText("Sold out")).toBeTruthy();
    expect(screen.getByText("FJ-NAV-XXL")).toBeTruthy();
    expect(screen.getByText("$92.00")).toBeTruthy();
    expect(window.location.search).toBe("?variant=navy-xxl");

    fireEvent.click(option("Colour", /^Sand/));
    // Sand has no XXL, so the size moves to one that exists.
    expect(option("Size", /^S$/).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText("FJ-SAN-S")).toBeTruthy();
    expect(window.location.search).toBe("?variant=sand-s");
    expect(screen.getByRole("tabpanel").querySelector("img")?.getAttribute("src")).toBe("/media/sand.webp");
  });

  it("tells sold-out and missing combinations apart for screen readers", () => {
    renderView();
    expect(option("Size", /^XXL \(sold out\)$/)).toBeTruthy();
    fireEvent.click(option("Colour", /^Sand/));
    expect(option("Size", /^XXL \(not available with your other choices\)$/)).toBeTruthy();
  });

  it("lets the shopper pick an image with the keyboard", () => {
    renderView();
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false"]);
    fireEvent.keyDown(tabs[0]!, { key: "ArrowRight" });
    expect(screen.getAllByRole("tab").map((t) => t.getAttribute("aria-selected"))).toEqual(["false", "true"]);
    expect(screen.getByRole("tabpanel").querySelector("img")?.getAttribute("alt")).toBe(
      "Field Jacket in Sand",
    );
  });
});

describe("ProductView add to cart", () => {
  beforeEach(() => window.history.replaceState(null, "", "/p/field-jacket"));

  it("offers the chosen variant, and says why a sold-out one cannot be added", () => {
    renderView();
    const button = screen.getByRole("button", { name: "Add to cart" });
    expect(button.hasAttribute("disabled")).toBe(false);
    expect(screen.getByRole<HTMLInputElement>("spinbutton", { name: "Quantity" }).max).toBe("40");
    fireEvent.click(option("Size", /^XXL/));
    expect(button.hasAttribute("disabled")).toBe(true);
    const reason = document.getElementById(button.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toBe("Sold out — choose another option");
  });
});
