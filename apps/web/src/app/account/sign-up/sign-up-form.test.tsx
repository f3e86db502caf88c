// The sign-up form refused for too many attempts: the alert says when to try again, and everything the
// shopper typed is still in the form. Accepted: it says to check the inbox the mail went to.
import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { SignUpState } from "./actions";

const createAccount = vi.fn<(previous: SignUpState, form: FormData) => Promise<SignUpState>>();
vi.mock("./actions", () => ({ createAccount }));

const { SignUpForm } = await import("./sign-up-form");

describe("SignUpForm", () => {
  it("keeps what was typed and says when to try again", async () => {
    const message = "Too many attempts to open an account with this email. Please try again in 52 minutes.";
    createAccount.mockResolvedValue({ status: "error", message });
    render(<SignUpForm minPasswordLength={12} />);
    const typed = { Name: "Ada Lovelace", Email: "ada@example.com", Password: "correct horse battery" };
    for (const [label, value] of Object.entries(typed))
      fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    });

    expect(createAccount).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("alert").textContent).toBe(message);
    for (const [label, value] of Object.entries(typed))
      expect((screen.getByLabelText(label, { exact: false }) as HTMLInputElement).value).toBe(value);
  });

  it("starts with the email it is given, e.g. a guest's from her order", () => {
    render(<SignUpForm minPasswordLength={12} defaultEmail="ada@example.com" />);
    expect((screen.getByLabelText("Email", { exact: false }) as HTMLInputElement).value).toBe(
      "ada@example.com",
    );
  });

  it("once identity has accepted, says to check the inbox of the address typed, and nothing more", async () => {
    createAccount.mockResolvedValue({ status: "sent", message: null });
    render(<SignUpForm minPasswordLength={12} />);
    fireEvent.change(screen.getByLabelText("Email", { exact: false }), {
      target: { value: "ada@example.com" },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    });
    const status = screen.getByRole("status");
    expect(status.textContent).toMatch(/^Check your inbox/);
    expect(status.textContent).toContain("We sent a mail to ada@example.com.");
    expect(screen.queryByRole("form", { name: "Create an account" })).toBeNull();
  });
});
