import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { EmptyState } from "./empty-state";

describe("EmptyState", () => {
  it("says what is empty and offers a way on", () => {
    render(
      <EmptyState title="No products match these filters" action={<a href="/c/tops">Clear filters</a>}>
        Try removing a filter.
      </EmptyState>,
    );
    expect(screen.getByRole("heading", { name: "No products match these filters" })).toBeTruthy();
    expect(screen.getByText("Try removing a filter.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Clear filters" }).getAttribute("href")).toBe("/c/tops");
  });
});
