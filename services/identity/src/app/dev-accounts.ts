// LOCAL-ONLY accounts for a developer's machine (`npm run dev`, the compose stack, the dev k8s overlay),
// so that the admin app can be signed into at once. Their passwords are public, in git: never run this
// against a shop that real people use (main.ts does only when IDENTITY_DEV_ACCOUNTS is set).
import { hashPassword, type StaffRole } from "@emporium/auth";
import type { Logger } from "@emporium/observability";
import { ConflictError } from "@emporium/service-kit/errors";
import type { UserStore } from "../ports/user-store";

export const DEV_ACCOUNTS: readonly {
  email: string;
  password: string;
  name: string;
  role: StaffRole | null;
}[] = [
  { email: "owner@emporium.local", password: "owner-password", name: "Olivia Owner", role: "owner" },
  { email: "manager@emporium.local", password: "manager-password", name: "Max Manager", role: "manager" },
  { email: "support@emporium.local", password: "support-password", name: "Sam Support", role: "support" },
  { email: "shopper@emporium.local", password: "shopper-password", name: "Shay Shopper", role: null },
];

/** Creates whichever of DEV_ACCOUNTS is missing; an existing account (its role, its password) is left alone. */
export async function ensureDevAccounts(users: UserStore, log: Logger): Promise<void> {
  const found = await Promise.all(DEV_ACCOUNTS.map((a) => users.byEmail(a.email)));
  const missing = DEV_ACCOUNTS.filter((_, i) => found[i] === null);
  if (missing.length === 0) return;
  const created = await Promise.all(
    missing.map(async (a) => {
      try {
        await users.create({
          email: a.email,
          name: a.name,
          passwordHash: await hashPassword(a.password),
          role: a.role,
        });
        return a;
      } catch (err) {
        // Another process starting at the same moment made this one first: it is there, as wanted.
        if (err instanceof ConflictError) return null;
        throw err;
      }
    }),
  );
  const made = created.filter((a) => a !== null);
  if (made.length > 0)
    log.warn(
      { accounts: made.map((a) => `${a.email} (${a.role ?? "shopper"})`) },
      "created local-only development accounts (password: <role>-password)",
    );
}
