import { describe, expect, it } from "vitest";
import { NOT_STAFF_ERROR, NOT_STAFF_MESSAGE, signInErrorMessage, SIGN_IN_FAILED_MESSAGE } from "./messages";

describe("signInErrorMessage", () => {
  it("words the codes next-auth and the admin's sign-in throw", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("Email or password is incorrect.");
    expect(signInErrorMessage(NOT_STAFF_ERROR)).toBe(NOT_STAFF_MESSAGE);
    expect(signInErrorMessage("SignInUnavailable")).toMatch(/unavailable right now/);
  });

  it("says how long to wait after too many attempts", () => {
    expect(signInErrorMessage("SignInLimited-840")).toBe(
      "Too many sign-in attempts. Please try again in 14 minutes.",
    );
    expect(signInErrorMessage("SignInLimited")).toBe(
      "Too many sign-in attempts. Please try again in a few minutes.",
    );
  });

  it("never repeats any other text a link carries", () => {
    for (const planted of ["Your account is locked; call 555-0100", "<b>hi</b>", "SignInLimited-9999999", ""])
      expect(signInErrorMessage(planted)).toBe(SIGN_IN_FAILED_MESSAGE);
  });
});
