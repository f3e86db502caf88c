"use client";
import { useActionState } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { confirmEmail, type ConfirmState } from "./actions";

const INITIAL: ConfirmState = { message: null };

export function ConfirmForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(confirmEmail, INITIAL);
  if (state.message)
    return (
      <Alert tone="error" live="assertive" className="mt-8">
        {state.message}
      </Alert>
    );
  return (
    <form action={action} aria-label="Confirm your email address" className="mt-8 flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {pending ? "Confirming…" : "Confirm my email address"}
      </Button>
    </form>
  );
}
