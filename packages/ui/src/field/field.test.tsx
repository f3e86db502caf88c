import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Field } from "./field";

describe("Field", () => {
  it("labels its control and names only the hint when there is no error", () => {
    render(
      <Field label="Nickname" hint="Shown on reviews" id="nickname">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByRole("textbox", { name: "Nickname" });
    expect(input.id).toBe("nickname");
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(input.getAttribute("aria-describedby")).toBe("nickname-hint");
    expect(document.getElementById("nickname-hint")?.textContent).toBe("Shown on reviews");
  });

  it("leaves the control undescribed when it has neither hint nor error", () => {
    render(<Field label="Nickname">{(control) => <input {...control} />}</Field>);
    const input = screen.getByRole("textbox", { name: "Nickname" });
    expect(input.getAttribute("aria-describedby")).toBeNull();
    expect(input.id).not.toBe("");
  });
});
