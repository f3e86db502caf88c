"use client";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { TextField } from "@emporium/ui/text-field";
import { welcomeUrl } from "../sign-in/sign-in-form";
import { createAccount, type SignUpState } from "./actions";

const INITIAL: SignUpState = { status: "idle", message: null };

export function SignUpForm({ next, minPasswordLength }: { next: string; minPasswordLength: number }) {
  const [state, action, pending] = useActionState(createAccount, INITIAL);
  // What was typed, kept at submit, to sign in with once the account exists.
  const typed = useRef<{ email: string; password: string } | null>(null);
  // Created: sign in with those details, then on to the account (bringing the cart).
  useEffect(() => {
    if (state.status !== "created" || !typed.current) return;
    void signIn("credentials", { ...typed.current, callbackUrl: welcomeUrl(next) });
  }, [state, next]);
  const errorFor = (field: SignUpState["field"]) =>
    state.status === "error" && state.field === field ? state.message : null;
  return (
    <form
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        typed.current = {
          email: String(data.get("email") ?? ""),
          password: String(data.get("password") ?? ""),
        };
        keepValuesOnRefusal(action)(event);
      }}
      aria-label="Create an account"
      className="mt-8 flex flex-col gap-4"
      noValidate
    >
      {state.status === "error" && !state.field && (
        <Alert tone="error" live="assertive">
          {state.message}
        </Alert>
      )}
      <TextField label="Name" name="name" autoComplete="name" required error={errorFor("name")} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={errorFor("email")}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${minPasswordLength} characters; a phrase is easiest to remember`}
        required
        error={errorFor("password")}
      />
      <Button type="submit" disabled={pending || state.status === "created"}>
        {pending || state.status === "created" ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
