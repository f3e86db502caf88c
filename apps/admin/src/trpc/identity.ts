// The identity service's staff procedures, called as the signed-in staff member.
import { createIdentityClient } from "@emporium/identity/client";
import { backendAuthorization, type Staff } from "@/auth/session";
import { env } from "@/env";

export function staffApiAs(staff: Staff) {
  return createIdentityClient(env.IDENTITY_URL, () => backendAuthorization(staff)).admin.staff;
}
