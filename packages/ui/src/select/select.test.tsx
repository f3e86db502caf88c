import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Select } from "./select";

const options = [
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
];

describe("Select", () => {
  it("is labelled and lists its options", () => {
    render(<Select label="Sort by" name="sort" options={options} defaultValue="newest" />);
    const select = screen.getByRole<HTMLSelectElement>("combobox", { name: "Sort by" });
    expect(select.value).toBe("newest");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Newest", "Price: low to high"]);
  });

  it("reports a new choice", () => {
    const onChange = vi.fn();
    render(<Select label="Sort by" options={options} value="newest" onChange={onChange} />);
    fireEvent.change(screen.getByRole("combobox", { name: "Sort by" }), { target: { value: "price_asc" } });
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
