// The first owner of a new shop. Production has no development accounts, so an operator runs
// `npm run create-owner -w @emporium/identity -- <email> "<name>"` once; after that, owners invite staff
// in the admin. Refuses when the shop already has an owner, so it cannot be used to take one over.
import { hashPassword } from "@emporium/auth";
import { ConflictError, InvalidInputError } from "@emporium/service-kit/errors";
import { normalizeEmail, temporaryPassword } from "../domain/staff";
import type { UserStore } from "../ports/user-store";

export interface FirstOwner {
  email: string;
  /** A one-time password to hand over, or null when an existing account keeps its own password. */
  temporaryPassword: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function createFirstOwner(
  users: UserStore,
  input: { email: string; name: string },
): Promise<FirstOwner> {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  if (!EMAIL.test(email))
    throw new InvalidInputError("email", "must be an email address such as ada@example.com");
  if (name.length === 0 || name.length > 120)
    throw new InvalidInputError("name", "must be 1 to 120 characters");
  if (await users.hasOwner())
    throw new ConflictError("This shop already has an owner; owners invite staff in the admin (Staff page)");
  const existing = await users.byEmail(email);
  // An unconfirmed account's password may be anyone's who typed the address: it is replaced.
  const password = existing?.passwordHash && existing.emailConfirmedAt ? null : temporaryPassword();
  const passwordHash = password ? await hashPassword(password) : undefined;
  if (!existing) await users.create({ email, name, passwordHash: passwordHash ?? null, role: "owner" });
  else if (existing.role === null) await users.promoteShopper(existing.id, "owner", passwordHash);
  else await users.setRole(existing.id, "owner");
  return { email, temporaryPassword: password };
}
