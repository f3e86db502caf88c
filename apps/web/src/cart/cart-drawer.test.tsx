import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { readCart } from "./actions";
import { CartDrawer } from "./cart-drawer";
import { CartLink } from "./cart-link";
import { CartProvider } from "./cart-context";
import type { ClientCart } from "./client-cart";

// The cart a shared page asks for once loaded (a server action; here, what the server would answer).
vi.mock("./actions", () => ({
  readCart: vi.fn(),
  updateCartLine: vi.fn(),
  addToCart: vi.fn(),
}));

const cart: ClientCart = {
  currency: "USD",
  lines: [
    {
      variantId: "c3566786-e153-59c7-bc60-b99f58420bcf",
      sku: "HA-00127-SAG-XS",
      title: "Chore Jacket — Sage / XS",
      quantity: 2,
      unitPrice: 23699,
      lineTotal: 47398,
      productSlug: "chore-jacket",
      image: null,
      available: 1,
      currentPrice: 25000,
    },
  ],
  itemCount: 2,
  subtotal: 47398,
  expiresAt: "2026-12-25T08:26:52.960Z",
  degraded: false,
};

function renderShop(initial: ClientCart | null = cart, options: { loadInBrowser?: boolean } = {}) {
  return render(
    <CartProvider initialCart={initial} unavailable={false} loadInBrowser={options.loadInBrowser ?? false}>
      <CartLink />
      <CartDrawer />
    </CartProvider>,
  );
}

describe("cart link and drawer", () => {
  it("is a link to the cart page that says how many items there are", () => {
    renderShop();
    const link = screen.getByRole("link", { name: "Cart, 2 items" });
    expect(link.getAttribute("href")).toBe("/cart");
  });

  it("has an accessible name that contains its visible text, as speech users say it", () => {
    renderShop();
    const link = screen.getByRole("link", { name: "Cart, 2 items" });
    const visible = (link.textContent ?? "").replace(/\s+/g, " ").trim();
    expect(visible).toBe("Cart 2");
  });

  it("opens the drawer with the lines, their notes and a held-back checkout", async () => {
    renderShop();
    const link = screen.getByRole("link", { name: "Cart, 2 items" });
    link.focus();
    fireEvent.click(link);
    const drawer = screen.getByRole("dialog", { name: "Your cart" });
    // The drawer's contents are fetched on its first opening.
    const line = await within(drawer).findByRole("listitem");
    expect(line.textContent).toContain("Sage / XS");
    expect(line.textContent).toContain("$236.99 each");
    expect(line.textContent).toContain("Now $250.00 — you keep the $236.99 you added it at");
    expect(line.textContent).toContain("Only 1 left — lower the quantity to check out");
    // More than is left cannot be asked for, and checkout waits until the line is fixed.
    expect(within(line).getByRole("button", { name: "Increase quantity" }).hasAttribute("disabled")).toBe(
      true,
    );
    const checkout = await within(drawer).findByRole("button", { name: "Checkout" });
    expect(checkout.hasAttribute("disabled")).toBe(true);
    expect(document.getElementById(checkout.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Some items are no longer available in the quantity you chose",
    );

    fireEvent(drawer, new Event("cancel", { cancelable: true }));
    expect(document.activeElement).toBe(link);
  });

  it("shows an empty cart with a way back to the shop", async () => {
    renderShop(null);
    fireEvent.click(screen.getByRole("link", { name: "Cart, 0 items" }));
    const drawer = screen.getByRole("dialog", { name: "Your cart" });
    expect(await within(drawer).findByRole("heading", { name: "Your cart is empty" })).toBeTruthy();
    expect(within(drawer).getByRole("link", { name: "Continue shopping" }).getAttribute("href")).toBe("/");
  });

  it("on a page rendered without the cart, shows the cart the browser asked for", async () => {
    vi.mocked(readCart).mockResolvedValueOnce({ cart, unavailable: false });
    renderShop(null, { loadInBrowser: true });
    // No count is claimed before the answer (the page itself was the same for every shopper).
    expect(screen.getByRole("link", { name: "Cart" })).toBeTruthy();
    expect(await screen.findByRole("link", { name: "Cart, 2 items" })).toBeTruthy();
    expect(readCart).toHaveBeenCalledTimes(1);
  });

  it("on a page rendered without the cart, asks again when the page comes back from the back/forward cache", async () => {
    vi.mocked(readCart)
      .mockClear()
      .mockResolvedValueOnce({ cart, unavailable: false })
      .mockResolvedValueOnce({ cart: { ...cart, itemCount: 3 }, unavailable: false });
    renderShop(null, { loadInBrowser: true });
    expect(await screen.findByRole("link", { name: "Cart, 2 items" })).toBeTruthy();
    const restored = new Event("pageshow");
    Object.defineProperty(restored, "persisted", { value: true });
    window.dispatchEvent(restored);
    // The shopper may have changed her cart on the pages she went to.
    expect(await screen.findByRole("link", { name: "Cart, 3 items" })).toBeTruthy();
    expect(readCart).toHaveBeenCalledTimes(2);
  });

  it("on a page rendered without the cart, says so when the orders service does not answer", async () => {
    vi.mocked(readCart).mockResolvedValueOnce({ cart: null, unavailable: true });
    renderShop(null, { loadInBrowser: true });
    fireEvent.click(await screen.findByRole("link", { name: "Cart, 0 items" }));
    const drawer = screen.getByRole("dialog", { name: "Your cart" });
    expect(await within(drawer).findByText("Your cart cannot be shown just now")).toBeTruthy();
  });
});
