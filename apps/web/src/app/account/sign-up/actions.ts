"use server";
// Opening a shopper account with the identity service (argon2id there). Identity answers the same
// whether or not the address already has an account, and mails it: a confirmation link for a new
// account, a notice for an existing one. So the form says only "check your inbox".
import { TRPCClientError } from "@trpc/client";
import { createIdentityClient } from "@emporium/identity/client";
import { env } from "@/env";
import { tooManyMessageOf } from "@/trpc/too-many-requests";

export interface SignUpState {
  status: "idle" | "sent" | "error";
  message: string | null;
  field?: "name" | "email" | "password" | undefined;
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
  try {
    await identity.auth.signUp.mutate({ ...values, password: text("password") });
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
    if (error.data?.code === "BAD_REQUEST")
      return refused(
        error.message,
        field === "name" || field === "email" || field === "password" ? field : undefined,
      );
    return refused("Accounts cannot be opened right now; please try again in a moment.");
  }
  return { status: "sent", message: null };
}
