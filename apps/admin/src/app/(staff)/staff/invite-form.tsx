"use client";
import { useActionState } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { SelectField } from "@emporium/ui/select-field";
import { TextField } from "@emporium/ui/text-field";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { inviteStaff, type InviteState } from "./actions";
import { ROLE_OPTIONS } from "./roles";

const INITIAL: InviteState = { status: "idle", message: null };

export function InviteForm() {
  const [state, action, pending] = useActionState(inviteStaff, INITIAL);
  return (
    <form
      onSubmit={keepValuesOnRefusal(action)}
      aria-labelledby="invite-heading"
      className="rounded-2xl border border-line bg-surface p-5"
    >
      <h2 id="invite-heading" className="text-lg font-semibold">
        Invite a staff member
      </h2>
      <div className="mt-4 grid gap-4 sm:grid-cols-3">
        <TextField label="Email" name="email" type="email" autoComplete="off" required />
        <TextField label="Name" name="name" autoComplete="off" required />
        <SelectField label="Role" name="role" defaultValue="support" options={ROLE_OPTIONS} />
      </div>
      <Button type="submit" className="mt-4" disabled={pending}>
        {pending ? "Inviting…" : "Invite"}
      </Button>
      {state.status === "error" && (
        <Alert tone="error" live="assertive" className="mt-4">
          {state.message}
        </Alert>
      )}
      {state.status === "invited" && (
        <Alert tone="success" live="polite" className="mt-4" title={state.message}>
          {state.temporaryPassword ? (
            <>
              Their one-time password is{" "}
              <code
                className="rounded bg-canvas-muted px-1.5 py-0.5 font-mono"
                data-testid="temporary-password"
              >
                {state.temporaryPassword}
              </code>
              . Hand it over now: it is not shown again.
            </>
          ) : (
            "They sign in with the password of their existing account."
          )}
        </Alert>
      )}
    </form>
  );
}
