// What the sign-up form says about a field that cannot be used, in the shopper's words. The form checks
// the same rules identity does (its signUp schema) before sending, so identity's own wording ("Invalid
// input: password: must be at least 10 characters") never reaches the page; should identity still refuse
// a field, the form names that field with the same plain words.
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@emporium/auth";

export type SignUpField = "name" | "email" | "password";

export interface SignUpProblem {
  field: SignUpField;
  message: string;
}

const MAX_NAME_LENGTH = 100;
const MAX_EMAIL_LENGTH = 254;
// Identity's check is stricter; this catches what a person mistypes (no @, a space, no domain).
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The plain message for a field identity refused, whatever its own words were. */
export const SIGN_UP_FIELD_MESSAGES: Record<SignUpField, string> = {
  name: `Enter your name (up to ${MAX_NAME_LENGTH} characters).`,
  email: "Enter your email address, like name@example.com.",
  password: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters (and at most ${MAX_PASSWORD_LENGTH}).`,
};

function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters; a phrase of a few words is easiest to remember.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`;
  return undefined;
}

function nameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return "Enter your name.";
  if (trimmed.length > MAX_NAME_LENGTH) return `Enter a name of at most ${MAX_NAME_LENGTH} characters.`;
  return undefined;
}

function emailProblem(email: string): string | undefined {
  const trimmed = email.trim();
  if (trimmed === "") return "Enter your email address.";
  if (trimmed.length > MAX_EMAIL_LENGTH || !EMAIL_SHAPE.test(trimmed)) return SIGN_UP_FIELD_MESSAGES.email;
  return undefined;
}

/** The first field (in the form's order) that cannot be used, with what to do about it. */
export function signUpProblem(values: Record<SignUpField, string>): SignUpProblem | undefined {
  const checks: [SignUpField, string | undefined][] = [
    ["name", nameProblem(values.name)],
    ["email", emailProblem(values.email)],
    ["password", passwordProblem(values.password)],
  ];
  for (const [field, message] of checks) if (message) return { field, message };
  return undefined;
}
