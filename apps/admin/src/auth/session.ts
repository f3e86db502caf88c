// The signed-in staff member, for server components and server actions: who it is, what the role
// allows (to show or hide controls), and the short-lived token that carries it to the backends —
// which check the permission again themselves.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { can, type Permission, type Principal, type StaffRole } from "@emporium/auth";
import { authOptions } from "./options";
import { bearerFor } from "./service-token";

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  principal: Principal;
  can(permission: Permission): boolean;
}

/** The staff member signed in, or null (for route handlers, which answer 401 themselves). */
export const currentStaff = cache(async (): Promise<Staff | null> => {
  const session = await getServerSession(authOptions());
  const staff = session?.staff;
  if (!staff) return null;
  const principal: Principal = { kind: "staff", userId: staff.id, email: staff.email, role: staff.role };
  return { ...staff, principal, can: (permission) => can(principal, permission) };
});

/** The staff member signed in, or a redirect to the sign-in page. */
export async function requireStaff(): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect("/signin");
  return staff;
}

/** `Bearer <token>` for one backend call, valid for a minute. */
export function backendAuthorization(staff: Staff): Promise<string> {
  if (staff.principal.kind === "anonymous") throw new Error("a staff principal is required");
  return bearerFor(staff.principal);
}
