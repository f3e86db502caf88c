"use client";
import { useActionState, useState } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { TextField } from "@emporium/ui/text-field";
import { createAccount, type SignUpState } from "./actions";

const INITIAL: SignUpState = { status: "idle", message: null };

export function SignUpForm({
  minPasswordLength,
  defaultEmail = "",
}: {
  minPasswordLength: number;
  /** Prefilled, e.g. from the order page's offer to a guest to open an account with her email. */
  defaultEmail?: string;
}) {
  const [state, action, pending] = useActionState(createAccount, INITIAL);
  // The address typed, kept at submit, to say where the mail went.
  const [sentTo, setSentTo] = useState("");
  const errorFor = (field: SignUpState["field"]) =>
    state.status === "error" && state.field === field ? state.message : null;
  if (state.status === "sent")
    // The same words whether the address was new or already had an account: the mail says which.
    return (
      <Alert tone="success" live="polite" title="Check your inbox" className="mt-8">
        We sent a mail to {sentTo || "your address"}. Follow the link in it to confirm your account, then sign
        in. No mail after a few minutes? Look in your spam folder, or create the account again.
      </Alert>
    );
  return (
    <form
      onSubmit={(event) => {
        setSentTo(String(new FormData(event.currentTarget).get("email") ?? "").trim());
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
        defaultValue={defaultEmail}
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
      <Button type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
