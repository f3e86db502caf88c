import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Drawer } from "./drawer";

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open cart
      </button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title="Your cart"
        footer={<a href="/checkout">Checkout</a>}
      >
        <a href="/p/shirt">Shirt</a>
      </Drawer>
    </>
  );
}

function dialog(): HTMLDialogElement {
  const node = document.querySelector("dialog");
  if (!node) throw new Error("no dialog");
  return node;
}

describe("Drawer", () => {
  it("is a dialog named by its title that moves focus inside when it opens", () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole("button", { name: "Open cart" }));
    expect(dialog().open).toBe(true);
    expect(dialog().getAttribute("aria-labelledby")).toBe(
      screen.getByRole("heading", { name: "Your cart" }).id,
    );
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Close" }));
  });

  it("keeps Tab inside the panel", () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole("button", { name: "Open cart" }));
    const checkout = screen.getByRole("link", { name: "Checkout" });
    checkout.focus();
    fireEvent.keyDown(dialog(), { key: "Tab" });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Close" }));
    fireEvent.keyDown(dialog(), { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(checkout);
  });

  it("closes on Escape and gives focus back to the opener", () => {
    render(<Harness />);
    const opener = screen.getByRole("button", { name: "Open cart" });
    opener.focus();
    fireEvent.click(opener);
    fireEvent(dialog(), new Event("cancel", { cancelable: true }));
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it("closes from its close button and from a click on the backdrop", () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole("button", { name: "Open cart" }));
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(dialog().open).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Open cart" }));
    fireEvent.click(screen.getByRole("link", { name: "Shirt" }));
    expect(dialog().open).toBe(true);
    fireEvent.click(dialog());
    expect(dialog().open).toBe(false);
  });
});
