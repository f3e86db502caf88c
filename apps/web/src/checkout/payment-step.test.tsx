import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PaymentStep } from "./payment-step";

afterEach(() => vi.unstubAllGlobals());

function fill(label: string, value: string) {
  fireEvent.change(screen.getByRole("textbox", { name: label }), { target: { value } });
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Continue to review" }));
  });
}

describe("PaymentStep", () => {
  it("never gives the card fields a name a form could submit", () => {
    render(<PaymentStep card={null} problem={null} onDone={() => {}} continueLabel="Continue to review" />);
    for (const label of ["Name on card", "Card number", "Expiry date", "Security code"])
      expect(screen.getByRole("textbox", { name: label }).getAttribute("name")).toBeNull();
  });

  it("sends the card to the provider and shows its refusal on the field it names", async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      Response.json(
        {
          error: {
            code: "invalid_request",
            field: "number",
            message: "card number: is not a card we accept",
          },
        },
        { status: 400 },
      ),
    );
    vi.stubGlobal("fetch", fetchMock);
    const onDone = vi.fn();
    render(<PaymentStep card={null} problem={null} onDone={onDone} continueLabel="Continue to review" />);
    fill("Name on card", "Ada Lovelace");
    fill("Card number", "4242 4242 4242 4242");
    fill("Expiry date", "12/34");
    fill("Security code", "123");
    await submit();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/psp/v1/tokens");
    const number = screen.getByRole("textbox", { name: "Card number" });
    expect(number.getAttribute("aria-invalid")).toBe("true");
    expect(
      document.getElementById(number.getAttribute("aria-describedby")?.split(" ")[0] ?? "")?.textContent,
    ).toBe("Is not a card we accept");
    expect(document.activeElement).toBe(number);
    expect(onDone).not.toHaveBeenCalled();
  });

  it("groups the number and adds the expiry's slash as they are typed", () => {
    render(<PaymentStep card={null} problem={null} onDone={() => {}} continueLabel="Continue to review" />);
    fill("Card number", "4242424242424242");
    fill("Expiry date", "12");
    expect((screen.getByRole("textbox", { name: "Card number" }) as HTMLInputElement).value).toBe(
      "4242 4242 4242 4242",
    );
    expect((screen.getByRole("textbox", { name: "Expiry date" }) as HTMLInputElement).value).toBe("12/");
  });

  it("shows a failed checksum and a past expiry together, without calling the provider", async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal("fetch", fetchMock);
    render(<PaymentStep card={null} problem={null} onDone={() => {}} continueLabel="Continue to review" />);
    fill("Name on card", "Ada Lovelace");
    fill("Card number", "4242 4242 4242 4241");
    fill("Expiry date", "01/20");
    fill("Security code", "123");
    await submit();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(
      screen.getByText("This card number is not valid (it fails its checksum) — check for a typo"),
    ).toBeTruthy();
    expect(screen.getByText("This card has expired")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Card number" }));
  });

  it("asks for missing details before calling the provider", async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal("fetch", fetchMock);
    render(<PaymentStep card={null} problem={null} onDone={() => {}} continueLabel="Continue to review" />);
    await submit();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByText("Enter the name on the card")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Name on card" }));
  });

  it("hands on the token of an accepted card", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn<typeof fetch>(async () =>
        Response.json({ token: "tok_abc12345", brand: "visa", last4: "4242" }, { status: 201 }),
      ),
    );
    const onDone = vi.fn();
    render(<PaymentStep card={null} problem={null} onDone={onDone} continueLabel="Continue to review" />);
    fill("Name on card", "Ada Lovelace");
    fill("Card number", "4242 4242 4242 4242");
    fill("Expiry date", "12/34");
    fill("Security code", "123");
    await submit();
    expect(onDone).toHaveBeenCalledWith({ token: "tok_abc12345", brand: "visa", last4: "4242" });
  });
});
