// Accounts in identity.users through Prisma. Role changes lock the owners' rows first, so two owners
// demoting each other at the same moment cannot leave the shop without one. A staff change's audit
// event goes into identity.outbox in the change's own transaction.
import { Prisma, prismaSession, type Database, type User } from "@emporium/db";
import type { StaffRole } from "@emporium/auth";
import { enqueue } from "@emporium/messaging";
import { ConflictError, InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import { keepsAnOwner } from "../../domain/staff";
import type {
  AuditOf,
  ConfirmationRefusal,
  ConfirmationToken,
  NewUser,
  SignUpOutcome,
  UserRecord,
  UserStore,
} from "../../ports/user-store";

function recordOf(row: User): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.passwordHash,
    role: row.staffRole,
    lastSignInAt: row.lastSignInAt,
    sessionVersion: row.sessionVersion,
    emailConfirmedAt: row.emailConfirmedAt,
  };
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

function isMissingRow(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025";
}

/** Writes the audit event of the change from `before` to `after`, inside the change's transaction. */
async function audited(
  tx: Prisma.TransactionClient,
  audit: AuditOf | undefined,
  before: UserRecord | null,
  after: UserRecord,
): Promise<UserRecord> {
  if (audit) await enqueue(prismaSession(tx), "identity", [audit(before, after)]);
  return after;
}

export const EMAIL_TAKEN = "An account with this email already exists";

export class PrismaUserStore implements UserStore {
  constructor(private readonly db: Database) {}

  async byEmail(email: string): Promise<UserRecord | null> {
    const row = await this.db.prisma.user.findUnique({ where: { email } });
    return row && recordOf(row);
  }

  async create(user: NewUser, audit?: AuditOf): Promise<UserRecord> {
    const write = async (tx: Prisma.TransactionClient) => {
      const row = await tx.user.create({
        data: {
          id: crypto.randomUUID(),
          email: user.email,
          name: user.name,
          passwordHash: user.passwordHash,
          staffRole: user.role,
          emailConfirmedAt: new Date(),
        },
      });
      return audited(tx, audit, null, recordOf(row));
    };
    try {
      // A shopper's sign-up has nothing to audit, and needs no transaction of its own.
      return await (audit ? this.db.prisma.$transaction(write) : write(this.db.prisma));
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(EMAIL_TAKEN);
      throw err;
    }
  }

  async signUp(user: Omit<NewUser, "role">, token: ConfirmationToken): Promise<SignUpOutcome> {
    try {
      return await this.db.prisma.$transaction(async (tx) => {
        // Locked, so two sign-ups for one unconfirmed address take turns.
        await tx.$queryRaw`SELECT 1 FROM identity.users WHERE email = ${user.email} FOR UPDATE`;
        const existing = await tx.user.findUnique({ where: { email: user.email } });
        if (existing?.emailConfirmedAt) return "taken";
        const confirmation = { tokenHash: token.tokenHash, expiresAt: token.expiresAt };
        if (!existing) {
          await tx.user.create({
            data: {
              id: crypto.randomUUID(),
              email: user.email,
              name: user.name,
              passwordHash: user.passwordHash,
              emailConfirmations: { create: confirmation },
            },
          });
          return "opened";
        }
        await tx.emailConfirmation.deleteMany({ where: { userId: existing.id } });
        await tx.user.update({
          where: { id: existing.id },
          data: {
            name: user.name,
            passwordHash: user.passwordHash,
            emailConfirmations: { create: confirmation },
          },
        });
        return "renewed";
      });
    } catch (err) {
      // Another sign-up made the account between the lock and the insert: it holds the address now.
      if (isUniqueViolation(err)) return "taken";
      throw err;
    }
  }

  async confirmEmail(tokenHash: string, now: Date): Promise<UserRecord | ConfirmationRefusal> {
    return this.db.prisma.$transaction(async (tx) => {
      // One conditional update: of two uses at once, one wins.
      const { count } = await tx.emailConfirmation.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      const link = await tx.emailConfirmation.findUnique({ where: { tokenHash } });
      if (!link) return "unknown";
      if (count === 0) return link.usedAt ? "used" : "expired";
      const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId } });
      if (user.emailConfirmedAt) return recordOf(user);
      return recordOf(await tx.user.update({ where: { id: user.id }, data: { emailConfirmedAt: now } }));
    });
  }

  async byOidc(issuer: string, subject: string): Promise<UserRecord | null> {
    const link = await this.db.prisma.oidcAccount.findUnique({
      where: { issuer_subject: { issuer, subject } },
      include: { user: true },
    });
    return link && recordOf(link.user);
  }

  async linkOidc(userId: string, issuer: string, subject: string): Promise<void> {
    await this.db.prisma.oidcAccount.upsert({
      where: { issuer_subject: { issuer, subject } },
      create: { issuer, subject, userId },
      update: {},
    });
  }

  async byId(id: string): Promise<UserRecord | null> {
    const row = await this.db.prisma.user.findUnique({ where: { id } });
    return row && recordOf(row);
  }

  async endSessions(id: string): Promise<boolean> {
    const { count } = await this.db.prisma.user.updateMany({
      where: { id },
      data: { sessionVersion: { increment: 1 } },
    });
    return count === 1;
  }

  async recordSignIn(id: string, at: Date): Promise<UserRecord> {
    return recordOf(await this.db.prisma.user.update({ where: { id }, data: { lastSignInAt: at } }));
  }

  async listStaff(): Promise<UserRecord[]> {
    const rows = await this.db.prisma.user.findMany({
      where: { staffRole: { not: null } },
      orderBy: { email: "asc" },
    });
    return rows.map(recordOf);
  }

  async hasOwner(): Promise<boolean> {
    return (await this.db.prisma.user.count({ where: { staffRole: "owner" } })) > 0;
  }

  async promoteShopper(
    id: string,
    role: StaffRole,
    passwordHash: string | undefined,
    audit?: AuditOf,
  ): Promise<UserRecord> {
    try {
      return await this.db.prisma.$transaction(async (tx) => {
        // Locked, so the account read is the one promoted (the audit event's "before").
        await tx.$queryRaw`SELECT 1 FROM identity.users WHERE id = ${id}::uuid FOR UPDATE`;
        const before = await tx.user.findUnique({ where: { id } });
        // The condition on staff_role makes the promotion one check-and-set: a concurrent invite loses.
        const row = await tx.user.update({
          where: { id, staffRole: null },
          data: {
            staffRole: role,
            emailConfirmedAt: before?.emailConfirmedAt ?? new Date(),
            ...(passwordHash ? { passwordHash } : {}),
          },
        });
        return audited(tx, audit, before && recordOf(before), recordOf(row));
      });
    } catch (err) {
      if (!isMissingRow(err)) throw err;
      const exists = await this.db.prisma.user.count({ where: { id } });
      throw exists
        ? new ConflictError("This account is already on the staff; change its role instead")
        : new NotFoundError("This account no longer exists");
    }
  }

  async setRole(id: string, role: StaffRole | null, audit?: AuditOf): Promise<UserRecord> {
    return this.db.prisma.$transaction(async (tx) => {
      // The owners, and the account itself (so the role read is the one changed).
      const locked = await tx.$queryRaw<{ role: string | null }[]>`
        SELECT staff_role::text AS role FROM identity.users
         WHERE staff_role = 'owner' OR id = ${id}::uuid FOR UPDATE`;
      const owners = locked.filter((r) => r.role === "owner").length;
      const user = await tx.user.findUnique({ where: { id } });
      if (!user) throw new NotFoundError(`No account with id ${id}`);
      if (!keepsAnOwner(user.staffRole, role, owners))
        throw new InvalidInputError(
          "role",
          `${user.email} is the only owner; make someone else an owner before changing this role`,
        );
      const before = recordOf(user);
      const after =
        user.staffRole === role
          ? before
          : recordOf(await tx.user.update({ where: { id }, data: { staffRole: role } }));
      return audited(tx, audit, before, after);
    });
  }
}
