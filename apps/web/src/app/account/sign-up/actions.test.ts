// Opening an account when identity refuses: each refusal in words for the shopper, a limit with the wait.
import { TRPCClientError } from "@trpc/client";
import { beforeEach, describe, expect, it, vi } from "vitest";

const signUp = vi.fn<(input: { name: string; email: string; password: string }) => Promise<unknown>>();
vi.mock("@/env", () => ({ env: { IDENTITY_URL: "http://identity.test" } }));
vi.mock("@emporium/identity/client", () => ({
  createIdentityClient: () => ({ auth: { signUp: { mutate: signUp } } }),
}));

const { createAccount } = await import("./actions");

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const ada = form({ name: "Ada Lovelace", email: "ada@example.com", password: "correct horse battery" });
const idle = { status: "idle", message: null } as const;

describe("createAccount", () => {
  beforeEach(() => {
    signUp.mockReset();
  });

  it("says when to try again when sign-ups for the email are limited", async () => {
    signUp.mockRejectedValue(
      TRPCClientError.from({
        error: {
          message: "Too many sign-up attempts for this email; try again in 52 minutes",
          code: -32029,
          data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, retryAfterSeconds: 3100 },
        },
      }),
    );
    expect(await createAccount(idle, ada)).toEqual({
      status: "error",
      message: "Too many attempts to open an account with this email. Please try again in 52 minutes.",
      field: undefined,
    });
  });

  it("says a mail was sent whenever identity accepted the sign-up, and when it could not be", async () => {
    signUp.mockResolvedValue({ email: "ada@example.com", confirmationSent: true });
    expect(await createAccount(idle, ada)).toEqual({ status: "sent", message: null });
    signUp.mockRejectedValue(new TRPCClientError("fetch failed"));
    expect((await createAccount(idle, ada)).message).toBe(
      "Accounts cannot be opened right now; please try again in a moment.",
    );
  });

  it("asks for a longer password in its own words, without asking identity", async () => {
    const short = form({ name: "Ada Lovelace", email: "ada@example.com", password: "short" });
    expect(await createAccount(idle, short)).toEqual({
      status: "error",
      message: "Choose a password of at least 10 characters; a phrase of a few words is easiest to remember.",
      field: "password",
    });
    expect(signUp).not.toHaveBeenCalled();
  });

  it("never shows identity's validation text: a refused field gets the form's words for it", async () => {
    signUp.mockRejectedValue(
      TRPCClientError.from({
        error: {
          message: "Invalid input: email: must be an email address",
          code: -32600,
          data: { code: "BAD_REQUEST", httpStatus: 400, field: "email" },
        },
      }),
    );
    expect(await createAccount(idle, ada)).toEqual({
      status: "error",
      message: "Enter your email address, like name@example.com.",
      field: "email",
    });
  });
});
