import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ProductCard } from "@emporium/catalog/client";
import { ListingPagination, pageWindow, positionLabel } from "./listing-pagination";
import { EMPTY_LISTING } from "./listing-params";

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}` }) as ProductCard);

function renderPage(page: {
  total: number;
  offset: number | null;
  count: number;
  prev?: string;
  next?: string;
}) {
  return render(
    <ListingPagination
      pathname="/c/home"
      state={{ ...EMPTY_LISTING, brands: ["oakhaven"] }}
      page={{
        total: page.total,
        offset: page.offset,
        items: items(page.count),
        prevCursor: page.prev ?? null,
        nextCursor: page.next ?? null,
      }}
    />,
  );
}

describe("positionLabel", () => {
  it("says which products a page shows, not how many", () => {
    expect(positionLabel({ total: 352, offset: 0, items: items(24) })).toBe("1–24 of 352 products");
    expect(positionLabel({ total: 352, offset: 24, items: items(24) })).toBe("25–48 of 352 products");
    expect(positionLabel({ total: 352, offset: 336, items: items(16) })).toBe("337–352 of 352 products");
    expect(positionLabel({ total: 1_200, offset: 984, items: items(24) })).toBe(
      "985–1,008 of 1,200 products",
    );
    // Unknown position (an old cursor) or nothing found: the count alone.
    expect(positionLabel({ total: 352, offset: null, items: items(24) })).toBe("352 products");
    expect(positionLabel({ total: 0, offset: 0, items: [] })).toBe("0 products");
  });
});

describe("pageWindow", () => {
  it("shows the first, the last, the current page and its neighbours, with gaps", () => {
    expect(pageWindow(1, 15)).toEqual([1, 2, null, 15]);
    expect(pageWindow(7, 15)).toEqual([1, null, 6, 7, 8, null, 15]);
    expect(pageWindow(15, 15)).toEqual([1, null, 14, 15]);
    // A gap of one page shows the page.
    expect(pageWindow(4, 15)).toEqual([1, 2, 3, 4, 5, null, 15]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(null, 5)).toEqual([1, null, 5]);
    expect(pageWindow(1, 1)).toEqual([1]);
  });
});

describe("ListingPagination", () => {
  it("links Previous and Next by cursor and the pages by number, marking the current one", () => {
    renderPage({ total: 352, offset: 24, count: 24, prev: "p1", next: "n1" });
    const nav = screen.getByRole("navigation", { name: "Pages" });
    const link = (name: string) => within(nav).getByRole("link", { name });
    expect(link("Previous").getAttribute("href")).toBe("/c/home?brand=oakhaven&before=p1");
    expect(link("Previous").getAttribute("rel")).toBe("prev");
    expect(link("Next").getAttribute("href")).toBe("/c/home?brand=oakhaven&after=n1");
    expect(link("Page 1").getAttribute("href")).toBe("/c/home?brand=oakhaven");
    expect(link("Page 3").getAttribute("href")).toBe("/c/home?brand=oakhaven&page=3");
    expect(link("Page 15").getAttribute("href")).toBe("/c/home?brand=oakhaven&page=15");
    expect(link("Page 2").getAttribute("aria-current")).toBe("page");
    expect(link("Page 2").textContent).toBe("2");
    expect(nav.querySelectorAll('[aria-current="page"]')).toHaveLength(1);
    expect(within(nav).getByText("25–48 of 352 products")).toBeTruthy();
  });

  it("shows a missing neighbour as disabled text, not a link", () => {
    renderPage({ total: 352, offset: 0, count: 24, next: "n1" });
    const nav = screen.getByRole("navigation", { name: "Pages" });
    expect(within(nav).queryByRole("link", { name: "Previous" })).toBeNull();
    expect(within(nav).getByText("Previous").closest("[aria-disabled]")).not.toBeNull();
    expect(within(nav).getByRole("link", { name: "Page 1" }).getAttribute("aria-current")).toBe("page");
  });

  it("marks no page when the position is unknown, and hides itself on a single page", () => {
    renderPage({ total: 352, offset: null, count: 24, prev: "p1", next: "n1" });
    expect(screen.getByRole("navigation", { name: "Pages" }).querySelector("[aria-current]")).toBeNull();
    const { container } = renderPage({ total: 10, offset: 0, count: 10 });
    expect(container.innerHTML).toBe("");
  });
});
