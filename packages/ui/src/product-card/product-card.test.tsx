import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ProductCard, type ProductCardProps } from "./product-card";

const card: ProductCardProps = {
  href: "/p/linen-shirt",
  title: "Linen Shirt",
  brand: "Kestrel",
  image: { src: "/media/linen.webp", width: 480, height: 600 },
  minPrice: 4500,
  maxPrice: 4500,
  compareAtPrice: null,
  currency: "USD",
  inStock: true,
};

describe("ProductCard", () => {
  it("links to the product by its title", () => {
    render(<ProductCard {...card} />);
    const link = screen.getByRole("link", { name: "Linen Shirt" });
    expect(link.getAttribute("href")).toBe("/p/linen-shirt");
    expect(screen.getByRole("heading", { name: "Linen Shirt" })).toBeTruthy();
  });

  it("shows the rating it is given under the title, and nothing without one", () => {
    const { rerender } = render(<ProductCard {...card} rating={<p>Rated 4.5 out of 5</p>} />);
    const heading = screen.getByRole("heading", { name: "Linen Shirt" });
    expect(heading.nextElementSibling?.textContent).toBe("Rated 4.5 out of 5");
    rerender(<ProductCard {...card} />);
    expect(screen.queryByText(/Rated/)).toBeNull();
  });

  it("shows the brand and the price", () => {
    render(<ProductCard {...card} />);
    expect(screen.getByText("Kestrel")).toBeTruthy();
    expect(screen.getByText("$45.00")).toBeTruthy();
  });

  it("asks for the largest paint's image first when it is the priority card", () => {
    const { container, rerender } = render(<ProductCard {...card} priority />);
    const img = () => container.querySelector("img");
    expect(img()?.getAttribute("fetchpriority")).toBe("high");
    expect(img()?.getAttribute("loading")).toBe("eager");
    rerender(<ProductCard {...card} eager />);
    expect(img()?.getAttribute("fetchpriority")).toBeNull();
  });

  it("lazy-loads a sized image that does not repeat the title to screen readers", () => {
    const { container } = render(<ProductCard {...card} />);
    const img = container.querySelector("img");
    expect(img?.getAttribute("alt")).toBe("");
    expect(img?.getAttribute("loading")).toBe("lazy");
    expect(img?.getAttribute("width")).toBe("480");
    expect(img?.getAttribute("height")).toBe("600");
  });

  it("marks reduced and sold-out products", () => {
    const { container, rerender } = render(<ProductCard {...card} compareAtPrice={6000} />);
    expect(screen.getByText("Sale")).toBeTruthy();
    expect(container.querySelector("s")?.textContent).toBe("Original price $60.00");
    rerender(<ProductCard {...card} inStock={false} />);
    expect(screen.getByText("Sold out")).toBeTruthy();
    expect(screen.queryByText("Sale")).toBeNull();
  });

  it("shows a starting price when variants differ", () => {
    render(<ProductCard {...card} maxPrice={5200} />);
    expect(screen.getByText("From $45.00")).toBeTruthy();
  });

  it("uses the link component it is given", () => {
    render(<ProductCard {...card} LinkComponent={(props) => <a data-router="yes" {...props} />} />);
    expect(screen.getByRole("link", { name: "Linen Shirt" }).getAttribute("data-router")).toBe("yes");
  });
});
