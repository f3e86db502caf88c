// Refunding items in a real Chromium: a manager refunds 1 of the 2 units of an order's line and puts
// it back in stock at a location she chooses. The form shows what the unit comes to before she sends
// it and is emptied after; the order page shows the refund once the payment worker confirms it, and
// the stock at that location (and only there) has one more on hand.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { formatMoney } from "@emporium/ui/money";
import { expectAccessible, launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { placePaidOrder, staffInventory, staffOrders } from "./orders-api";
import { submitSignIn } from "./sign-in";

const adminUrl = inject("adminUrl");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("refund by item", () => {
  it("refunds 1 of 2 units of a line, restocked at the chosen location, and empties the form", async () => {
    const placed = await placePaidOrder(`e2e-items-${randomUUID().slice(0, 8)}@example.com`, undefined, 2);
    const order = await staffOrders("manager").admin.orders.get.query({ orderId: placed.orderId });
    const [line] = order.lines;
    if (!line) throw new Error("the order has no line");
    const inventory = staffInventory("manager");
    const stockBefore = await inventory.stock.byVariants.query({
      variantIds: [line.variantId],
      historyLimit: 0,
    });
    // The last location in the list: not the one the select starts on, so choosing it is tested.
    const location = stockBefore.locations.at(-1);
    if (!location || stockBefore.locations.length < 2) throw new Error("the seed has fewer than 2 locations");
    const onHandAt = (stock: typeof stockBefore) =>
      stock.variants[0]?.locations.find((l) => l.locationId === location.id)?.onHand ?? 0;
    const before = onHandAt(stockBefore);
    const othersBefore = stockBefore.variants[0]?.onHand ?? 0;

    const page = await browser.newPage();
    await submitSignIn(page, "manager@emporium.local", "manager-password");
    await page
      .getByTestId("signed-in-as")
      .getByText(/· Manager$/)
      .waitFor();
    await page.goto(`${adminUrl}/orders/${placed.orderId}`);
    await page.getByRole("heading", { name: placed.number }).waitFor();
    const form = page.getByRole("form", { name: "Refund" });
    const quantity = form.getByLabel(new RegExp(line.sku));
    await waitForHydration(quantity);
    expect(await quantity.getAttribute("max")).toBe("2");
    await expectAccessible(page);

    await quantity.fill("1");
    const price = formatMoney(line.unitPrice, order.currency);
    await expect.poll(() => form.getByTestId("refund-items-amount").textContent()).toBe(price);
    // A refund of items shows what they come to instead of the amount box.
    expect(await form.getByLabel(/^Amount/).count()).toBe(0);
    await form.getByLabel("Restock items").check();
    await form.getByLabel("Location", { exact: true }).selectOption(location.id);
    await form.getByLabel("Reason").fill("returned unworn");
    await expectAccessible(page);
    await form.getByRole("button", { name: `Refund ${price}` }).click();

    await expect
      .poll(() => page.locator("#refund-message").textContent(), { timeout: 20_000 })
      .toMatch(/^Refund sent to the payment provider; the items go back in stock once it is confirmed$/);
    // Emptied: the quantity is back to 0, so the amount box returns empty and restocking is unticked.
    await expect.poll(() => quantity.inputValue()).toBe("0");
    expect(await form.getByLabel("Reason").inputValue()).toBe("");
    expect(await form.getByLabel(/^Amount/).inputValue()).toBe("");
    expect(await form.getByLabel("Restock items").count()).toBe(0);

    // The payment worker's answer arrives through the saga; the page follows it without a reload.
    await expect.poll(() => page.getByTestId("refunded").textContent(), { timeout: 20_000 }).toBe(price);
    await expect
      .poll(() => page.getByTestId("timeline").textContent(), { timeout: 20_000 })
      .toMatch(/1 refunded item going back in stock/);
    expect(await page.getByTestId(`refunded-units-${line.sku}`).textContent()).toBe("1");
    // One unit is left to refund on that line.
    await expect.poll(() => quantity.getAttribute("max"), { timeout: 10_000 }).toBe("1");

    // The unit is back on hand at the chosen location, once, and nowhere else.
    await expect
      .poll(
        async () =>
          onHandAt(await inventory.stock.byVariants.query({ variantIds: [line.variantId], historyLimit: 0 })),
        { timeout: 20_000 },
      )
      .toBe(before + 1);
    const after = await inventory.stock.byVariants.query({ variantIds: [line.variantId], historyLimit: 5 });
    expect(after.variants[0]?.onHand).toBe(othersBefore + 1);
    expect(after.adjustments[0]).toMatchObject({
      locationId: location.id,
      delta: 1,
      reason: "returned",
      note: `refund restock, order ${placed.number}`,
    });
    await page.close();
  });
});
