import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ProductGridSkeleton, Skeleton } from "./skeleton";

describe("Skeleton", () => {
  it("is hidden from assistive technology", () => {
    const { container } = render(<Skeleton className="h-4" />);
    expect(container.firstElementChild?.getAttribute("aria-hidden")).toBe("true");
  });

  it("announces loading once for a grid of placeholders", () => {
    render(<ProductGridSkeleton count={3} label="Loading new arrivals" />);
    expect(screen.getByRole("status").textContent).toBe("Loading new arrivals");
  });
});
