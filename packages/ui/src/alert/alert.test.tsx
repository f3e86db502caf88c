import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Alert } from "./alert";

describe("Alert", () => {
  it("interrupts for blocking errors and waits its turn for news", () => {
    const { rerender } = render(
      <Alert tone="error" title="Payments are unavailable" live="assertive">
        Your cart is saved.
      </Alert>,
    );
    expect(screen.getByRole("alert").textContent).toBe("Payments are unavailableYour cart is saved.");
    rerender(<Alert live="polite">Shipped</Alert>);
    expect(screen.getByRole("status").textContent).toBe("Shipped");
  });

  it("is plain content when it is part of the page from the start", () => {
    render(<Alert tone="warning">Stock could not be checked</Alert>);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByText("Stock could not be checked")).toBeTruthy();
  });
});
