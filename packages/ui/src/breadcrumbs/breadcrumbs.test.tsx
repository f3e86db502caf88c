import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Breadcrumbs } from "./breadcrumbs";

const items = [
  { label: "Home", href: "/" },
  { label: "Clothing", href: "/c/clothing" },
  { label: "Tops", href: "/c/clothing/tops" },
];

describe("Breadcrumbs", () => {
  it("is a breadcrumb navigation with the trail in order", () => {
    render(<Breadcrumbs items={items} />);
    const nav = screen.getByRole("navigation", { name: "Breadcrumb" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual(["Home", "Clothing", "Tops"]);
    expect(links.map((l) => l.getAttribute("href"))).toEqual(["/", "/c/clothing", "/c/clothing/tops"]);
  });

  it("marks only the last crumb as the current page", () => {
    render(<Breadcrumbs items={items} />);
    expect(screen.getByRole("link", { name: "Tops" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Clothing" }).hasAttribute("aria-current")).toBe(false);
  });

  it("carries no embedded structured data", () => {
    const { container } = render(<Breadcrumbs items={items} />);
    expect(container.querySelector("[itemscope], [itemprop], script")).toBeNull();
  });

  it("renders nothing without crumbs", () => {
    const { container } = render(<Breadcrumbs items={[]} />);
    expect(container.innerHTML).toBe("");
  });
});
