// The sign-in form's refusals as the shopper sees them: in our words (with when to try again after too
// many attempts), never the text of the link, and with what they typed still in the form.
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { SignInResponse } from "next-auth/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

const signIn = vi.fn<(provider: string, options: Record<string, unknown>) => Promise<SignInResponse>>();
vi.mock("next-auth/react", () => ({ signIn }));

const { SignInForm } = await import("./sign-in-form");

const refused = (error: string): SignInResponse => ({ ok: false, status: 401, error, url: null });

async function signInAs(email: string, password: string) {
  fireEvent.change(screen.getByLabelText("Email"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("Password"), { target: { value: password } });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
  });
}

describe("SignInForm", () => {
  beforeEach(() => {
    signIn.mockReset();
  });

  it("says when to try again after too many attempts, keeping what was typed", async () => {
    signIn.mockResolvedValue(refused("SignInLimited-840"));
    render(<SignInForm next="/account" initialMessage={null} providerName={null} />);
    await signInAs("ada@example.com", "wrong horse battery");

    expect(signIn).toHaveBeenCalledWith("credentials", {
      email: "ada@example.com",
      password: "wrong horse battery",
      redirect: false,
    });
    expect(screen.getByRole("alert").textContent).toBe(
      "Too many sign-in attempts. Please try again in 14 minutes.",
    );
    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("ada@example.com");
    expect((screen.getByRole("button", { name: "Sign in" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows the message it arrives with", () => {
    render(<SignInForm next="/account" initialMessage="Sign in to continue." providerName={null} />);
    expect(screen.getByRole("alert").textContent).toBe("Sign in to continue.");
  });

  it("words a refused sign-in itself, never printing what came back", async () => {
    render(<SignInForm next="/account" initialMessage={null} providerName={null} />);
    signIn.mockResolvedValue(refused("CredentialsSignin"));
    await signInAs("ada@example.com", "nope");
    expect(screen.getByRole("alert").textContent).toBe("Email or password is incorrect.");
    signIn.mockResolvedValue(refused("Call 555-0100 to unlock"));
    await signInAs("ada@example.com", "nope");
    expect(screen.getByRole("alert").textContent).toBe("Sign-in failed; please try again.");
  });
});
