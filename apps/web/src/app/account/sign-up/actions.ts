"use server";
// Opening a shopper account with the identity service (argon2id there). Identity answers the same
// whether or not the address already has an account, and mails it: a confirmation link for a new
// account, a notice for an existing one. So the form says only "check your inbox".
import { TRPCClientError } from "@trpc/client";
import { createIdentityClient } from "@emporium/identity/client";
import { env } from "@/env";
import { tooManyMessageOf } from "@/trpc/too-many-requests";
import { SIGN_UP_FIELD_MESSAGES, signUpProblem, type SignUpField } from "./sign-up-problems";

export interface SignUpState {
  status: "idle" | "sent" | "error";
  message: string | null;
  field?: SignUpField | undefined;
}

const identity = createIdentityClient(env.IDENTITY_URL);

export async function createAccount(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  const text = (name: string) => String(form.get(name) ?? "");
  const values = { name: text("name"), email: text("email") };
  const refused = (message: string, field?: SignUpState["field"]): SignUpState => ({
    status: "error",
    message,
    field,
  });
  const password = text("password");
  // Checked here first, so what the shopper reads is the form's own words (sign-up-problems.ts).
  const problem = signUpProblem({ ...values, password });
  if (problem) return refused(problem.message, problem.field);
  try {
    await identity.auth.signUp.mutate({ ...values, password });
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data: unknown = error.data;
    const field =
      typeof data === "object" && data !== null && "field" in data && typeof data.field === "string"
        ? data.field
        : undefined;
    // Identity limits sign-ups per email; the form keeps what was typed and says when to try again.
    const limited = tooManyMessageOf("sign-up", error);
    if (limited) return refused(limited);
    // Identity's message is written for developers ("Invalid input: password: …"): name its field instead.
    if (error.data?.code === "BAD_REQUEST")
      return field === "name" || field === "email" || field === "password"
        ? refused(SIGN_UP_FIELD_MESSAGES[field], field)
        : refused("Something in the form could not be used; please check it and try again.");
    return refused("Accounts cannot be opened right now; please try again in a moment.");
  }
  return { status: "sent", message: null };
}
