"use server";
// Staff management: invitations and role changes. The identity service checks `staff.manage` itself.
import { revalidatePath } from "next/cache";
import { STAFF_ROLES, type StaffRole } from "@emporium/auth";
import { requireStaff } from "@/auth/session";
import { staffApiAs } from "@/trpc/identity";
import { refusalOf } from "@/trpc/refusal";

export interface InviteState {
  status: "idle" | "invited" | "error";
  message: string | null;
  /** Shown once to the owner, to hand to the new colleague; only its hash is stored. */
  temporaryPassword?: string | null;
}

export interface RoleState {
  status: "idle" | "saved" | "error";
  message: string | null;
}

function roleOf(value: FormDataEntryValue | null): StaffRole | null | undefined {
  if (value === "none") return null;
  return STAFF_ROLES.find((r) => r === value);
}

function messageOf(error: unknown): string {
  return refusalOf(error).message;
}

export async function inviteStaff(_prev: InviteState, form: FormData): Promise<InviteState> {
  const staff = await requireStaff();
  const role = roleOf(form.get("role"));
  if (!role) return { status: "error", message: "Choose a role for the new staff member" };
  try {
    const invitation = await staffApiAs(staff).invite.mutate({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      role,
    });
    revalidatePath("/staff");
    return {
      status: "invited",
      message: `${invitation.member.email} is now on the staff as ${role}.`,
      temporaryPassword: invitation.temporaryPassword,
    };
  } catch (error) {
    return { status: "error", message: messageOf(error) };
  }
}

export async function changeRole(_prev: RoleState, form: FormData): Promise<RoleState> {
  const staff = await requireStaff();
  const role = roleOf(form.get("role"));
  if (role === undefined) return { status: "error", message: "Choose a role" };
  try {
    await staffApiAs(staff).setRole.mutate({ userId: String(form.get("userId") ?? ""), role });
  } catch (error) {
    return { status: "error", message: messageOf(error) };
  }
  revalidatePath("/staff");
  return { status: "saved", message: role ? "Role saved" : "Removed from the staff" };
}
