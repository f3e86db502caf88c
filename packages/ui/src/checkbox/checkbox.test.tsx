import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Checkbox } from "./checkbox";

describe("Checkbox", () => {
  it("is named by its label and count", () => {
    render(<Checkbox label="Kestrel" count={12} name="brand" value="kestrel" />);
    const box = screen.getByRole("checkbox", { name: /^Kestrel\s*,\s*12 products$/ });
    expect(box.getAttribute("name")).toBe("brand");
    expect(box.getAttribute("value")).toBe("kestrel");
  });

  it("toggles when its label is clicked", () => {
    render(<Checkbox label="In stock only" />);
    const box = screen.getByRole<HTMLInputElement>("checkbox", { name: "In stock only" });
    expect(box.checked).toBe(false);
    fireEvent.click(screen.getByText("In stock only"));
    expect(box.checked).toBe(true);
  });

  it("can be disabled", () => {
    render(<Checkbox label="Purple" count={0} disabled />);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: /Purple/ }).disabled).toBe(true);
  });
});
