import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Price } from "./price";

describe("Price", () => {
  it("shows a single formatted price", () => {
    const { container } = render(<Price amount={4500} currency="USD" />);
    expect(container.textContent).toBe("$45.00");
    expect(container.querySelector("s")).toBeNull();
  });

  it("shows 'From' the lowest price when variants cost different amounts", () => {
    render(<Price amount={1900} maxAmount={2500} currency="USD" />);
    expect(screen.getByText("From $19.00")).toBeTruthy();
  });

  it("does not say 'From' when the range is a single price", () => {
    render(<Price amount={1900} maxAmount={1900} currency="USD" />);
    expect(screen.getByText("$19.00")).toBeTruthy();
  });

  it("strikes through the original price of a reduced item and labels both for screen readers", () => {
    const { container } = render(<Price amount={5000} compareAt={7000} currency="USD" />);
    const struck = container.querySelector("s");
    expect(struck?.textContent).toBe("Original price $70.00");
    expect(container.textContent).toContain("Sale price $50.00");
  });

  it("ignores a compare-at price that is not higher", () => {
    const { container } = render(<Price amount={5000} compareAt={5000} currency="USD" />);
    expect(container.querySelector("s")).toBeNull();
  });

  it("formats currencies without minor units", () => {
    const { container } = render(<Price amount={1500} currency="JPY" />);
    expect(container.textContent).toBe("¥1,500");
  });
});
