// LOCAL-ONLY accounts for a developer's machine (`npm run dev`, the compose stack, the dev k8s overlay),
// so that the admin app can be signed into at once. Their passwords are public, in git: never run this
// against a shop that real people use (main.ts does only when IDENTITY_DEV_ACCOUNTS is set).
import { hashPassword, type StaffRole } from "@emporium/auth";
import type { Database } from "@emporium/db";
import type { Logger } from "@emporium/observability";

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
export async function ensureDevAccounts(db: Database, log: Logger): Promise<void> {
  const existing = await db.prisma.user.findMany({
    where: { email: { in: DEV_ACCOUNTS.map((a) => a.email) } },
    select: { email: true },
  });
  const have = new Set(existing.map((u) => u.email));
  const missing = DEV_ACCOUNTS.filter((a) => !have.has(a.email));
  if (missing.length === 0) return;
  const data = await Promise.all(
    missing.map(async (a) => ({
      id: crypto.randomUUID(),
      email: a.email,
      name: a.name,
      passwordHash: await hashPassword(a.password),
      staffRole: a.role,
    })),
  );
  // skipDuplicates: another process starting at the same moment may have made some of them.
  const { count } = await db.prisma.user.createMany({ data, skipDuplicates: true });
  if (count > 0)
    log.warn(
      { accounts: missing.map((a) => `${a.email} (${a.role ?? "shopper"})`) },
      "created local-only development accounts (password: <role>-password)",
    );
}
