import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import {
  BAD_CREDENTIALS_MESSAGE,
  EMAIL_NOT_CONFIRMED_MESSAGE,
  SIGN_IN_FAILED_MESSAGE,
  signInErrorMessage,
  signInFailureCode,
} from "./messages";

function trpcError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe("signInFailureCode", () => {
  it("gives a limited sign-in its own code, carrying identity's wait", () => {
    const refused = trpcError("Too many sign-in attempts for this account; try again in 14 minutes", {
      code: "TOO_MANY_REQUESTS",
      httpStatus: 429,
      retryAfterSeconds: 839.4,
    });
    expect(signInFailureCode(refused)).toBe("SignInLimited-840");
    expect(signInFailureCode(trpcError("Too many", { code: "TOO_MANY_REQUESTS", httpStatus: 429 }))).toBe(
      "SignInLimited",
    );
  });

  it("names wrong details and an unreachable identity service by code, never by identity's words", () => {
    expect(signInFailureCode(trpcError("bad password", { code: "UNAUTHORIZED", httpStatus: 401 }))).toBe(
      "CredentialsSignin",
    );
    expect(signInFailureCode(trpcError("email: invalid", { code: "BAD_REQUEST", httpStatus: 400 }))).toBe(
      "CredentialsSignin",
    );
    expect(signInFailureCode(new TRPCClientError("fetch failed"))).toBe("SignInUnavailable");
    const unconfirmed = trpcError("Confirm your email address first", {
      code: "PRECONDITION_FAILED",
      httpStatus: 412,
    });
    expect(signInFailureCode(unconfirmed)).toBe("EmailNotConfirmed");
    expect(signInErrorMessage("EmailNotConfirmed")).toBe(EMAIL_NOT_CONFIRMED_MESSAGE);
    expect(signInFailureCode(new Error("boom"))).toBe("SignInUnavailable");
  });
});

describe("signInErrorMessage", () => {
  it("says when a limited sign-in may try again", () => {
    expect(signInErrorMessage("SignInLimited-840")).toBe(
      "Too many sign-in attempts. Please try again in 14 minutes.",
    );
    expect(signInErrorMessage("SignInLimited-20")).toBe(
      "Too many sign-in attempts. Please try again in 20 seconds.",
    );
    expect(signInErrorMessage("SignInLimited")).toBe(
      "Too many sign-in attempts. Please try again in a few minutes.",
    );
  });

  it("words next-auth's codes and ours", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe(BAD_CREDENTIALS_MESSAGE);
    expect(signInErrorMessage("SignInUnavailable")).toBe(
      "Sign-in is unavailable right now; please try again in a moment.",
    );
    expect(signInErrorMessage("Enter your email and password.")).toBe("Enter your email and password.");
  });

  it("never shows the text of a crafted link", () => {
    for (const code of [
      "Your account is locked: call +1 555 0100",
      "SignInLimited-840 call us",
      "SignInLimited-99999999",
      "constructor",
      "__proto__",
      "",
    ])
      expect(signInErrorMessage(code)).toBe(SIGN_IN_FAILED_MESSAGE);
  });
});
