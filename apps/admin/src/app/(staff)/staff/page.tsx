import type { Metadata } from "next";
import { EmptyState } from "@emporium/ui/empty-state";
import { requireStaff } from "@/auth/session";
import { staffApiAs } from "@/trpc/identity";
import { InviteForm } from "./invite-form";
import { RoleForm } from "./role-form";
import { DataTable } from "../../data-table";

export const metadata: Metadata = { title: "Staff" };

const ROLE_LABEL = { owner: "Owner", manager: "Manager", support: "Support" } as const;

function lastSeen(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "Never";
}

export default async function StaffPage() {
  const staff = await requireStaff();
  if (!staff.can("staff.read"))
    return (
      <EmptyState title="Staff management is for managers and owners" headingLevel="h1">
        Your role ({ROLE_LABEL[staff.role]}) cannot see the staff list. Ask an owner if you need access.
      </EmptyState>
    );
  const members = await staffApiAs(staff).list.query();
  const canManage = staff.can("staff.manage");
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Staff</h1>
      <p className="mt-1 text-sm text-ink-muted">
        {canManage
          ? "Invite colleagues and choose what their role lets them do."
          : "Only owners invite staff and change roles."}
      </p>
      {canManage && (
        <div className="mt-6">
          <InviteForm />
        </div>
      )}
      <DataTable
        columns={[{ title: "Name" }, { title: "Email" }, { title: "Role" }, { title: "Last sign-in" }]}
        caption={`Staff members (${members.length})`}
      >
        {members.map((m) => (
          <tr key={m.id}>
            <th scope="row" className="px-4 py-2 font-medium">
              {m.name}
            </th>
            <td className="px-4 py-2">{m.email}</td>
            <td className="px-4 py-2">
              {canManage && m.id !== staff.id && m.role ? (
                <RoleForm userId={m.id} name={m.name} role={m.role} />
              ) : (
                ((m.role && ROLE_LABEL[m.role]) ?? "—")
              )}
            </td>
            <td className="px-4 py-2 text-ink-muted">{lastSeen(m.lastSignInAt)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
