import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TextField } from "./text-field";

describe("TextField", () => {
  it("is a text box named by its label", () => {
    render(<TextField label="Postal code" name="postalCode" optional />);
    const input = screen.getByRole("textbox", { name: "Postal code (optional)" });
    expect(input.getAttribute("name")).toBe("postalCode");
    expect(input.getAttribute("aria-invalid")).toBeNull();
  });

  it("ties its hint and error to the input", () => {
    render(<TextField label="Email" hint="For your receipt" error="Enter an email address" />);
    const input = screen.getByRole("textbox", { name: "Email" });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = (input.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(["Enter an email address", "For your receipt"]);
  });
});
