import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SelectField } from "./select-field";

const countries = [
  { value: "US", label: "United States" },
  { value: "DE", label: "Germany" },
];

describe("SelectField", () => {
  it("is a combobox named by its label with the given options and its hint", () => {
    render(
      <SelectField
        label="Country"
        hint="Where we ship to"
        name="country"
        options={countries}
        defaultValue="DE"
      />,
    );
    const select = screen.getByRole<HTMLSelectElement>("combobox", { name: "Country" });
    expect(select.value).toBe("DE");
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(["United States", "Germany"]);
    expect(select.getAttribute("aria-invalid")).toBeNull();
    expect(document.getElementById(select.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Where we ship to",
    );
  });

  it("announces its error", () => {
    render(<SelectField label="Country" options={countries} error="Choose a country" />);
    const select = screen.getByRole("combobox", { name: "Country" });
    expect(select.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(select.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Choose a country",
    );
  });
});
