// `npm run create-owner -w @emporium/identity -- <email> "<name>"` with DATABASE_URL set (or the
// embedded database): makes the shop's first owner and prints a one-time password for them.
import { DEFAULT_DATA_DIR, openDatabase } from "@emporium/db";
import { InvalidInputError } from "@emporium/service-kit/errors";
import { PrismaUserStore } from "../adapters/prisma/prisma-user-store";
import { createFirstOwner } from "../app/first-owner";

const [email, name] = process.argv.slice(2);
if (!email || !name) {
  console.error('usage: npm run create-owner -w @emporium/identity -- <email> "<name>"');
  process.exit(2);
}
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.EMPORIUM_DATA_DIR || DEFAULT_DATA_DIR,
});
try {
  const owner = await createFirstOwner(new PrismaUserStore(db), { email, name });
  console.log(`${owner.email} is the shop's owner.`);
  console.log(
    owner.temporaryPassword
      ? `One-time password (shown once, hand it over now): ${owner.temporaryPassword}`
      : "They sign in with the password of their existing account.",
  );
} catch (err) {
  if (err instanceof InvalidInputError) console.error(`${err.field}: ${err.message}`);
  else console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await db.close();
}
