import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FacetGroup, type FacetOption } from "./facet-group";

const colours: FacetOption[] = [
  { value: "blue", label: "Blue", count: 12, selected: true },
  { value: "green", label: "Green", count: 3, selected: false },
  { value: "purple", label: "Purple", count: 0, selected: false },
];

describe("FacetGroup", () => {
  it("is a group named by its legend with one checkbox per value", () => {
    render(<FacetGroup legend="Colour" name="colour" options={colours} />);
    const group = screen.getByRole("group", { name: "Colour" });
    expect(within(group).getAllByRole("checkbox")).toHaveLength(3);
  });

  it("checks the selected values and submits them under the facet's name", () => {
    render(<FacetGroup legend="Colour" name="colour" options={colours} />);
    const blue = screen.getByRole<HTMLInputElement>("checkbox", { name: /Blue/ });
    expect(blue.checked).toBe(true);
    expect(blue.name).toBe("colour");
    expect(blue.value).toBe("blue");
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: /Green/ }).checked).toBe(false);
  });

  it("disables values without products", () => {
    render(<FacetGroup legend="Colour" name="colour" options={colours} />);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: /Purple/ }).disabled).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: /Green/ }).disabled).toBe(false);
  });

  it("folds long lists behind a disclosure, opened when a folded value is selected", () => {
    const many = Array.from({ length: 9 }, (_, i) => ({
      value: `v${i}`,
      label: `Value ${i}`,
      count: 1,
      selected: i === 8,
    }));
    const { container } = render(<FacetGroup legend="Brand" name="brand" options={many} visibleCount={6} />);
    expect(screen.getByText("Show 3 more")).toBeTruthy();
    expect(container.querySelector("details")?.open).toBe(true);
  });

  it("renders nothing without values", () => {
    const { container } = render(<FacetGroup legend="Brand" name="brand" options={[]} />);
    expect(container.innerHTML).toBe("");
  });
});
