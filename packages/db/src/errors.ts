// Recognising database errors the same way whichever path raised them: Prisma's client, node-postgres
// or PGlite on a raw session.
import { Prisma } from "./generated/prisma/client";

/** A unique constraint refused the write (two writers met at one key). */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2002";
  // node-postgres and PGlite both carry PostgreSQL's SQLSTATE as `code`.
  return typeof err === "object" && err !== null && "code" in err && err.code === "23505";
}
