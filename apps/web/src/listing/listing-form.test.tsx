import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { FacetGroup } from "@emporium/ui/facet-group";

const push = vi.fn();
vi.mock("next/navigation", () => ({
  useRouter: () => ({ push }),
  useSearchParams: () => new URLSearchParams("brand=kestrel"),
}));

const { ListingForm } = await import("./listing-form");
const { SortSelect } = await import("./sort-select");
const { RatingFacet } = await import("./rating-facet");

function renderForm() {
  return render(
    <ListingForm action="/c/clothing/tops" defaultSort="newest">
      <FacetGroup
        legend="Brand"
        name="brand"
        options={[
          { value: "kestrel", label: "Kestrel", count: 4, selected: true },
          { value: "linnea", label: "Linnea", count: 9, selected: false },
        ]}
      />
      <input name="price_min" defaultValue="" aria-label="Min" />
      <SortSelect
        value="newest"
        options={[
          { value: "newest", label: "Newest" },
          { value: "price_asc", label: "Price: low to high" },
        ]}
      />
      <button type="submit">Apply</button>
    </ListingForm>,
  );
}

describe("ListingForm", () => {
  beforeEach(() => push.mockReset());

  it("navigates to the canonical URL as soon as a box is ticked", () => {
    renderForm();
    fireEvent.click(screen.getByRole("checkbox", { name: /Linnea/ }));
    expect(push).toHaveBeenCalledWith("/c/clothing/tops?brand=kestrel&brand=linnea", { scroll: false });
  });

  it("navigates when the sort order changes", () => {
    renderForm();
    fireEvent.change(screen.getByRole("combobox", { name: "Sort by" }), { target: { value: "price_asc" } });
    expect(push).toHaveBeenCalledWith("/c/clothing/tops?brand=kestrel&sort=price_asc", { scroll: false });
  });

  it("waits for Apply before using a typed price", () => {
    renderForm();
    const min = screen.getByRole("textbox", { name: "Min" });
    fireEvent.change(min, { target: { value: "25" } });
    expect(push).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(push).toHaveBeenCalledWith("/c/clothing/tops?brand=kestrel&price_min=25", { scroll: false });
  });

  it("navigates as soon as a customer rating is chosen", () => {
    render(
      <ListingForm action="/c/clothing/tops" defaultSort="newest">
        <RatingFacet
          counts={[
            { atLeast: 4, count: 3 },
            { atLeast: 3, count: 5 },
          ]}
          selected={null}
        />
      </ListingForm>,
    );
    const group = screen.getByRole("group", { name: "Customer rating" });
    // Ratings no product reaches are not offered; each option says how many products it would show.
    expect(Array.from(group.querySelectorAll("label")).map((l) => l.textContent?.trim())).toEqual([
      "Any rating",
      "& up, 3 products",
      "& up, 5 products",
    ]);
    expect(screen.getByRole("radio", { name: /^4 stars & up\s*, 3 products$/ })).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: /^4 stars & up/ }));
    expect(push).toHaveBeenLastCalledWith("/c/clothing/tops?rating=4", { scroll: false });
  });
});
