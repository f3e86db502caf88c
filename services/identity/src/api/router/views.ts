// Account records as the procedures answer with them (no password hash ever leaves the service).
import type { Account, StaffMember } from "../../domain/types";
import type { UserRecord } from "../../ports/user-store";

export function accountOf(user: UserRecord): Account {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function staffMemberOf(user: UserRecord): StaffMember {
  return { ...accountOf(user), lastSignInAt: user.lastSignInAt?.toISOString() ?? null };
}
