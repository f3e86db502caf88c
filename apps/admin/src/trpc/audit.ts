// The audit service's activity procedures as the admin's server components see them: always fresh,
// requested only at request time, with a 10 s timeout, and a service token naming the signed-in staff
// member on every call — the audit service checks audit.read (owners) itself.
import { connection } from "next/server";
import { freshFetch } from "@emporium/http-fetch";
import { createAuditClient, type RouterInputs } from "@emporium/audit/client";
import { backendAuthorization, type Staff } from "@/auth/session";
import { env } from "@/env";

const TIMEOUT_MS = 10_000;
const auditFetch = freshFetch(TIMEOUT_MS);

/** The activity procedures (list, actions), called as `staff`. */
export function activityAs(staff: Staff) {
  return createAuditClient({
    url: env.AUDIT_URL,
    fetch: auditFetch,
    headers: async () => ({ authorization: await backendAuthorization(staff) }),
  }).activity;
}

/** One page of staff activity, newest first, filtered as `input` says. */
export async function getActivityPage(staff: Staff, input: RouterInputs["activity"]["list"]) {
  await connection();
  return activityAs(staff).list.query(input);
}

/** The action names stored so far (the action filter's options). */
export async function getActivityActions(staff: Staff) {
  await connection();
  return activityAs(staff).actions.query();
}
