import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Button } from "./button";

describe("Button", () => {
  it("is a button named by its text that does not submit forms by default", () => {
    render(<Button>Apply filters</Button>);
    const button = screen.getByRole("button", { name: "Apply filters" });
    expect(button.getAttribute("type")).toBe("button");
  });

  it("reports clicks", () => {
    const onClick = vi.fn();
    render(<Button onClick={onClick}>Show results</Button>);
    fireEvent.click(screen.getByRole("button", { name: "Show results" }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it("ignores clicks when disabled", () => {
    const onClick = vi.fn();
    render(
      <Button disabled onClick={onClick}>
        Next
      </Button>,
    );
    const button = screen.getByRole("button", { name: "Next" });
    expect(button.hasAttribute("disabled")).toBe(true);
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it("can submit a form", () => {
    render(<Button type="submit">Search</Button>);
    expect(screen.getByRole("button", { name: "Search" }).getAttribute("type")).toBe("submit");
  });
});
