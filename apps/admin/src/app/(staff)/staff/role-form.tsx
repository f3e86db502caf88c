"use client";
import { useActionState } from "react";
import { Button } from "@emporium/ui/button";
import { changeRole, type RoleState } from "./actions";
import { ROLE_OPTIONS } from "./roles";

const INITIAL: RoleState = { status: "idle", message: null };

export function RoleForm({ userId, name, role }: { userId: string; name: string; role: string }) {
  const [state, action, pending] = useActionState(changeRole, INITIAL);
  const id = `role-${userId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" aria-label={`Role of ${name}`}>
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        Role of {name}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={role}
        className="rounded-lg border border-line-strong bg-surface px-2 py-1.5 text-sm"
      >
        {ROLE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        <option value="none">Not staff</option>
      </select>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Save
      </Button>
      <p role="status" className={`text-xs ${state.status === "error" ? "text-sale" : "text-success"}`}>
        {state.message}
      </p>
    </form>
  );
}
