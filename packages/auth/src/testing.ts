// The authorization walk every backend's test suite runs: each staff procedure × each kind of caller,
// expecting success exactly where the permission matrix grants it and a 401/403 everywhere else.
import { can, STAFF_ROLES, type Permission, type Principal } from "./permissions";

export const TEST_PRINCIPALS: Record<string, Principal> = {
  anonymous: { kind: "anonymous" },
  shopper: { kind: "shopper", userId: "00000000-0000-4000-8000-00000000000a", email: "shopper@example.com" },
  ...Object.fromEntries(
    STAFF_ROLES.map((role, i) => [
      role,
      {
        kind: "staff",
        userId: `00000000-0000-4000-8000-00000000000${i + 1}`,
        email: `${role}@example.com`,
        role,
      },
    ]),
  ),
};

export interface GuardedProcedure<C> {
  permission: Permission;
  /** Calls the procedure with valid input as the given caller. */
  call(caller: C): Promise<unknown>;
}

export interface MatrixOutcome {
  path: string;
  principal: string;
  expected: "allowed" | "refused";
  actual: "allowed" | "refused";
  /** The error's code when refused (UNAUTHORIZED, FORBIDDEN, or something unexpected). */
  code?: string;
}

function codeOf(err: unknown): string {
  return typeof err === "object" && err !== null && "code" in err && typeof err.code === "string"
    ? err.code
    : String(err);
}

/**
 * Calls every procedure as every principal. A refusal must be UNAUTHORIZED for anonymous callers and
 * FORBIDDEN for everyone else; anything else (a success the matrix forbids, a 500, a refusal of a
 * granted call) is returned among `unexpected`.
 */
export async function walkPermissionMatrix<C>(
  procedures: Record<string, GuardedProcedure<C>>,
  callerAs: (principal: Principal) => C,
): Promise<{ outcomes: MatrixOutcome[]; unexpected: MatrixOutcome[] }> {
  const outcomes: MatrixOutcome[] = [];
  for (const [path, procedure] of Object.entries(procedures))
    for (const [name, principal] of Object.entries(TEST_PRINCIPALS)) {
      const expected = can(principal, procedure.permission) ? "allowed" : "refused";
      try {
        await procedure.call(callerAs(principal));
        outcomes.push({ path, principal: name, expected, actual: "allowed" });
      } catch (err) {
        outcomes.push({ path, principal: name, expected, actual: "refused", code: codeOf(err) });
      }
    }
  const unexpected = outcomes.filter(
    (o) =>
      o.actual !== o.expected ||
      (o.actual === "refused" && o.code !== (o.principal === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN")),
  );
  return { outcomes, unexpected };
}

/** "walked 4 procedures × 5 callers: 9 allowed, 11 refused, 0 unexpected" */
export function summarizeMatrix(service: string, outcomes: MatrixOutcome[], unexpected: MatrixOutcome[]) {
  const allowed = outcomes.filter((o) => o.actual === "allowed").length;
  const paths = new Set(outcomes.map((o) => o.path)).size;
  return `${service}: walked ${paths} staff procedures × ${Object.keys(TEST_PRINCIPALS).length} callers = ${outcomes.length} calls: ${allowed} allowed, ${outcomes.length - allowed} refused, ${unexpected.length} unexpected`;
}
