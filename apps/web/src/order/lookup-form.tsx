"use client";
import { useActionState } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { TextField } from "@emporium/ui/text-field";
import { IDLE_LOOKUP } from "./lookup";
import { lookupOrder } from "./lookup-action";

export function LookupForm() {
  const [state, formAction, pending] = useActionState(lookupOrder, IDLE_LOOKUP);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5" aria-busy={pending}>
      {state.message && (
        <Alert tone="error" live="assertive">
          {state.message}
        </Alert>
      )}
      <TextField
        label="Order number"
        name="number"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        hint="It looks like EM-ABCD-1234 and is in your order confirmation."
        defaultValue={state.values.number}
        error={state.errors.number ?? null}
      />
      <TextField
        label="Email address"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={state.values.email}
        error={state.errors.email ?? null}
      />
      <div>
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? "Looking…" : "Find my order"}
        </Button>
      </div>
    </form>
  );
}
