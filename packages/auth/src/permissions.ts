// Who may do what. Staff roles and the permission matrix are written down here once; every admin
// procedure in every backend asks `authorize(principal, permission)` itself, inside the procedure, so a
// missing or misrouted middleware can never open an admin operation.

export const STAFF_ROLES = ["owner", "manager", "support"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The caller of a backend procedure, as established from a verified token (or its absence). */
export type Principal =
  | { kind: "anonymous" }
  | { kind: "shopper"; userId: string; email: string }
  | { kind: "staff"; userId: string; email: string; role: StaffRole };

export const ANONYMOUS: Principal = { kind: "anonymous" };

/**
 * The permission matrix: each permission lists the staff roles that hold it. Shoppers and anonymous
 * callers hold no staff permission. Support staff read everything a customer conversation needs and may
 * cancel an order; changing what the shop sells, at what price, or who works there is for managers and
 * owners; managing staff is for owners alone.
 */
export const PERMISSION_MATRIX = {
  "dashboard.read": ["owner", "manager", "support"],
  "catalog.products.read": ["owner", "manager", "support"],
  "catalog.products.write": ["owner", "manager"],
  "catalog.products.publish": ["owner", "manager"],
  "catalog.prices.write": ["owner", "manager"],
  "inventory.stock.read": ["owner", "manager", "support"],
  "inventory.stock.adjust": ["owner", "manager"],
  "orders.read": ["owner", "manager", "support"],
  "orders.cancel": ["owner", "manager", "support"],
  "orders.refund": ["owner", "manager"],
  "customers.read": ["owner", "manager", "support"],
  // Support staff read the moderation queue (a customer may ask about their review); deciding what is
  // published, and answering publicly in the shop's name, is for managers and owners.
  "reviews.read": ["owner", "manager", "support"],
  "reviews.moderate": ["owner", "manager"],
  "staff.read": ["owner", "manager"],
  "staff.manage": ["owner"],
  // The staff audit log says who changed what, including managers' and support's own changes: it is
  // read by owners alone, and nobody can edit or delete it (there is no permission to).
  "audit.read": ["owner"],
  // The operations console: every staff role sees what is stuck (dead letters, queue depths); replaying
  // or discarding a dead letter changes what the shop does, so it is for managers and owners.
  "operations.read": ["owner", "manager", "support"],
  "operations.manage": ["owner", "manager"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSION_MATRIX;
export const PERMISSIONS = Object.keys(PERMISSION_MATRIX) as Permission[];

export function roleHas(role: StaffRole, permission: Permission): boolean {
  return (PERMISSION_MATRIX[permission] as readonly StaffRole[]).includes(role);
}

export function can(principal: Principal, permission: Permission): boolean {
  return principal.kind === "staff" && roleHas(principal.role, permission);
}

/** The caller is not signed in (or its token is missing, expired or forged): HTTP 401. */
export class UnauthenticatedError extends Error {
  override name = "UnauthenticatedError";
  constructor(message = "Sign in to do this") {
    super(message);
  }
}

/** The caller is signed in but its role does not hold the permission: HTTP 403. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
  constructor(readonly permission: Permission) {
    super(`Your role does not allow this (${permission} is required)`);
  }
}

/** Returns the staff principal when it holds `permission`; throws 401/403 errors otherwise. */
export function authorize(
  principal: Principal,
  permission: Permission,
): Extract<Principal, { kind: "staff" }> {
  if (principal.kind === "anonymous") throw new UnauthenticatedError();
  if (principal.kind !== "staff" || !roleHas(principal.role, permission))
    throw new ForbiddenError(permission);
  return principal;
}

/** The matrix as a Markdown table (README and closing notes are generated from the code, not retyped). */
export function permissionTable(): string {
  const header = `| permission | ${STAFF_ROLES.join(" | ")} |\n|---|${STAFF_ROLES.map(() => "---").join("|")}|`;
  const rows = PERMISSIONS.map(
    (p) => `| \`${p}\` | ${STAFF_ROLES.map((r) => (roleHas(r, p) ? "yes" : "—")).join(" | ")} |`,
  );
  return [header, ...rows].join("\n");
}
