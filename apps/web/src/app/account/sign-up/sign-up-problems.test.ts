// The sign-up form's own words for each field it cannot use, checked before identity is asked.
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@emporium/auth";
import { describe, expect, it } from "vitest";
import { signUpProblem } from "./sign-up-problems";

const ada = { name: "Ada Lovelace", email: "ada@example.com", password: "correct horse battery" };

describe("signUpProblem", () => {
  it("asks for a longer password in plain words, naming the length", () => {
    expect(signUpProblem({ ...ada, password: "short" })).toEqual({
      field: "password",
      message: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters; a phrase of a few words is easiest to remember.`,
    });
    expect(signUpProblem({ ...ada, password: "" })?.field).toBe("password");
    expect(signUpProblem({ ...ada, password: "x".repeat(MAX_PASSWORD_LENGTH + 1) })).toEqual({
      field: "password",
      message: `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`,
    });
  });

  it("takes a password of exactly the shortest length identity accepts", () => {
    expect(signUpProblem({ ...ada, password: "x".repeat(MIN_PASSWORD_LENGTH) })).toBeUndefined();
    expect(signUpProblem(ada)).toBeUndefined();
  });

  it("names the first field in the form's order, with what to type", () => {
    expect(signUpProblem({ name: " ", email: "ada", password: "" })).toEqual({
      field: "name",
      message: "Enter your name.",
    });
    expect(signUpProblem({ ...ada, email: "ada at example" })).toEqual({
      field: "email",
      message: "Enter your email address, like name@example.com.",
    });
    expect(signUpProblem({ ...ada, email: "" })?.message).toBe("Enter your email address.");
  });

  it("never words a message like a validation library", () => {
    const messages = [
      signUpProblem({ ...ada, password: "short" }),
      signUpProblem({ ...ada, name: "n".repeat(101) }),
      signUpProblem({ ...ada, email: "ada@" }),
    ].map((p) => p?.message ?? "");
    for (const m of messages) {
      expect(m).toMatch(/^(Choose|Enter) /);
      expect(m).not.toMatch(/Invalid input|must be|too_small|: /);
    }
  });
});
