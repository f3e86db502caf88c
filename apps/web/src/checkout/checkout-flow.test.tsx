// The checkout page as a shopper goes through it: each step opens in turn with focus on its heading,
// finished steps show a recap, the review shows the orders service's totals, and a refused order sends
// the shopper back to the step to fix. The server actions are stand-ins; the card provider is a stub.
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClientCart } from "@/cart/client-cart";
import { placeOrder, reviewCheckout, saveCheckoutProgress } from "./actions";
import { CheckoutFlow } from "./checkout-flow";
import { EMPTY_DETAILS } from "./details";
import type { ShippingMethod } from "./money";

vi.mock("./actions", () => ({
  reviewCheckout: vi.fn(),
  placeOrder: vi.fn(),
  saveCheckoutProgress: vi.fn(() => Promise.resolve()),
}));

const cart: ClientCart = {
  currency: "USD",
  lines: [
    {
      variantId: "c3566786-e153-59c7-bc60-b99f58420bcf",
      sku: "HA-00127-SAG-XS",
      title: "Chore Jacket — Sage / XS",
      quantity: 2,
      unitPrice: 2000,
      lineTotal: 4000,
      productSlug: "chore-jacket",
      image: null,
      available: 10,
      currentPrice: 2000,
    },
  ],
  itemCount: 2,
  subtotal: 4000,
  expiresAt: "2026-12-25T08:26:52.960Z",
  degraded: false,
};
const methods: ShippingMethod[] = [
  { id: "standard", name: "Standard", description: "3–5 working days", price: 500, freeFrom: 7500 },
  { id: "express", name: "Express", description: "Next working day", price: 1500, freeFrom: null },
];
const signedIn = {
  ...EMPTY_DETAILS,
  email: "ada@example.com",
  name: "Ada Lovelace",
  line1: "1 Main St",
  city: "Springfield",
  postalCode: "62701",
  country: "US",
};

/** Types a good test card into the payment step. */
function fillCard() {
  for (const [label, value] of [
    ["Name on card", "Ada Lovelace"],
    ["Card number", "4242 4242 4242 4242"],
    ["Expiry date", "12/34"],
    ["Security code", "123"],
  ] as const)
    fireEvent.change(screen.getByRole("textbox", { name: label }), { target: { value } });
}

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

function section(heading: RegExp) {
  return screen.getByRole("region", { name: heading });
}

beforeEach(() => {
  vi.mocked(reviewCheckout).mockResolvedValue({
    ok: true,
    summary: {
      cart,
      subtotal: 4000,
      shippingTotal: 1500,
      taxTotal: 0,
      total: 5500,
      payments: { available: true, reason: "" },
    },
  });
  vi.stubGlobal(
    "fetch",
    vi.fn<typeof fetch>(async () =>
      Response.json({ token: "tok_abc12345", brand: "visa", last4: "4242" }, { status: 201 }),
    ),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

describe("CheckoutFlow", () => {
  it("walks the shopper through the steps to the review and its totals", async () => {
    render(<CheckoutFlow cart={cart} methods={methods} initialValues={signedIn} />);
    const progress = screen.getByRole("navigation", { name: "Checkout progress" });
    expect(within(progress).getByText("Details").closest("[aria-current]")).toBeTruthy();
    // Focus stays with the page on first load.
    expect(document.activeElement).toBe(document.body);
    // Standard is selected from the start, and the summary says what it costs.
    const aside = () => screen.getByRole("complementary", { name: "Order summary" });
    expect(within(aside()).queryByText("Chosen next")).toBeNull();
    expect(within(aside()).getByText("$5.00")).toBeTruthy();

    await click("Continue to shipping");
    expect(document.activeElement?.id).toBe("step-shipping");
    expect(within(section(/Contact and delivery/)).getByText("ada@example.com")).toBeTruthy();

    fireEvent.click(screen.getByRole("radio", { name: /Express/ }));
    // The summary follows the selection at once, before Continue.
    expect(within(aside()).getByText("$15.00")).toBeTruthy();
    await click("Continue to payment");
    expect(document.activeElement?.id).toBe("step-payment");
    expect(within(section(/Shipping/)).getByText("Express — Next working day")).toBeTruthy();

    fillCard();
    await click("Continue to review");
    expect(document.activeElement?.id).toBe("step-review");
    expect(reviewCheckout).toHaveBeenCalledTimes(1);
    expect(reviewCheckout).toHaveBeenCalledWith("express");
    expect(screen.getByRole("button", { name: "Place order · $55.00" })).toBeTruthy();
    expect(within(section(/Payment/)).getByText("Visa ending in 4242")).toBeTruthy();
    expect(
      within(screen.getByRole("complementary", { name: "Order summary" })).getByText("Total"),
    ).toBeTruthy();
    // Each step is kept for a reload — the details, the method, the step — and never the card.
    expect(vi.mocked(saveCheckoutProgress).mock.lastCall?.[0]).toEqual({
      values: expect.objectContaining({ email: "ada@example.com" }),
      method: "express",
      step: "review",
    });
  });

  it("places the order once per attempt and sends a refused card back to the payment step", async () => {
    vi.mocked(placeOrder).mockResolvedValue({
      ok: false,
      problem: {
        kind: "payment",
        field: null,
        message: "Your card details have expired; please enter them again",
      },
    });
    render(<CheckoutFlow cart={cart} methods={methods} initialValues={signedIn} />);
    await click("Continue to shipping");
    await click("Continue to payment");
    fillCard();
    await click("Continue to review");
    await click(/^Place order/);

    expect(placeOrder).toHaveBeenCalledTimes(1);
    expect(vi.mocked(placeOrder).mock.calls[0]?.[0]).toMatchObject({
      email: "ada@example.com",
      shippingMethod: "standard",
      paymentToken: "tok_abc12345",
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{16,128}$/),
    });
    expect(document.activeElement?.id).toBe("step-payment");
    expect(screen.getByText("Your card details have expired; please enter them again")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Place order/ })).toBeNull();
  });

  it("keeps the cart and every detail when placing is limited, and retries the same attempt", async () => {
    const message = "Too many attempts to place an order just now. Please try again in 40 seconds.";
    vi.mocked(placeOrder).mockResolvedValue({ ok: false, problem: { kind: "limited", message } });
    render(<CheckoutFlow cart={cart} methods={methods} initialValues={signedIn} />);
    await click("Continue to shipping");
    await click("Continue to payment");
    fillCard();
    await click("Continue to review");
    await click(/^Place order/);

    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Please wait before trying again");
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain("Your cart and details are kept");
    // Still on the review, with every answer and the cart in place.
    expect(screen.getByRole("button", { name: "Place order · $55.00" })).toBeTruthy();
    expect(within(section(/Contact and delivery/)).getByText("ada@example.com")).toBeTruthy();
    expect(within(section(/Payment/)).getByText("Visa ending in 4242")).toBeTruthy();
    expect(
      within(screen.getByRole("complementary", { name: "Order summary" })).getByText(
        "Chore Jacket — Sage / XS",
      ),
    ).toBeTruthy();

    await click(/^Place order/);
    expect(placeOrder).toHaveBeenCalledTimes(2);
    const [first, second] = vi.mocked(placeOrder).mock.calls.map((call) => call[0]);
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
  });

  it("lets a finished step be changed and returns to the review with fresh totals", async () => {
    render(<CheckoutFlow cart={cart} methods={methods} initialValues={signedIn} />);
    await click("Continue to shipping");
    await click("Continue to payment");
    fillCard();
    await click("Continue to review");
    await click("Change shipping");
    expect(document.activeElement?.id).toBe("step-shipping");
    await click("Continue to review");
    expect(document.activeElement?.id).toBe("step-review");
    expect(reviewCheckout).toHaveBeenCalledTimes(2);
  });
});
