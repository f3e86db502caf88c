import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Steps } from "./steps";

const steps = [
  { id: "address", label: "Address", state: "complete" as const },
  { id: "shipping", label: "Shipping", state: "current" as const },
  { id: "payment", label: "Payment", state: "upcoming" as const },
];

describe("Steps", () => {
  it("marks the current step and says which are done", () => {
    render(<Steps label="Checkout progress" steps={steps} />);
    const nav = screen.getByRole("navigation", { name: "Checkout progress" });
    const items = within(nav).getAllByRole("listitem");
    expect(items.map((i) => i.getAttribute("aria-current"))).toEqual([null, "step", null]);
    expect(items[0]?.textContent).toContain("Address (done)");
  });

  it("lets the shopper go back to a finished step only", () => {
    const onSelect = vi.fn();
    render(<Steps label="Checkout progress" steps={steps} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole("button", { name: /Address/ }));
    expect(onSelect).toHaveBeenCalledWith("address");
    expect(screen.queryByRole("button", { name: /Payment/ })).toBeNull();
  });
});
