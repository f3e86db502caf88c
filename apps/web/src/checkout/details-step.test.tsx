import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { EMPTY_DETAILS, type CheckoutDetails, type DetailField, type FieldErrors } from "./details";
import { DetailsStep } from "./details-step";

function Harness({ onDone }: { onDone: (details: CheckoutDetails) => void }) {
  const [values, setValues] = useState(EMPTY_DETAILS);
  const [errors, setErrors] = useState<FieldErrors<DetailField>>({});
  return (
    <DetailsStep
      values={values}
      errors={errors}
      onChange={(v, e) => {
        setValues(v);
        setErrors(e);
      }}
      onDone={onDone}
      continueLabel="Continue to shipping"
    />
  );
}

describe("DetailsStep", () => {
  it("shows each problem beside its field and focuses the first", () => {
    const onDone = vi.fn();
    render(<Harness onDone={onDone} />);
    fireEvent.change(screen.getByRole("textbox", { name: "Postal code" }), { target: { value: "!" } });
    fireEvent.click(screen.getByRole("button", { name: "Continue to shipping" }));
    const email = screen.getByRole("textbox", { name: "Email" });
    expect(document.activeElement).toBe(email);
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Enter a postal code like 10115 or SW1A 1AA")).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it("hands on clean details", () => {
    const onDone = vi.fn();
    render(<Harness onDone={onDone} />);
    const type = (name: string, value: string) =>
      fireEvent.change(screen.getByRole("textbox", { name }), { target: { value } });
    type("Email", "ada@example.com");
    type("Full name", "Ada Lovelace");
    type("Street address", "1 Main St");
    type("Town or city", "Springfield");
    type("Postal code", "62701");
    fireEvent.click(screen.getByRole("button", { name: "Continue to shipping" }));
    expect(onDone).toHaveBeenCalledWith({
      email: "ada@example.com",
      address: {
        name: "Ada Lovelace",
        line1: "1 Main St",
        city: "Springfield",
        postalCode: "62701",
        country: "US",
      },
    });
  });
});
