// The variables of a service that keeps its documents in MongoDB (or in memory without MONGO_URL): the
// same names, rules and bounds everywhere; each service says what its database holds and what its
// callers meet while the server cannot be reached.
import { z } from "zod";

export interface MongoEnvWording {
  /** What the server holds for this service: "reviews, helpful votes and purchases". */
  holds: string;
  /** The database's default name: "emporium_reviews". */
  defaultDb: string;
  /** What the database is described as: "the reviews are kept in". */
  dbHolds: string;
  /** What a caller meets meanwhile: "answering 503 (reviews unavailable)". */
  whileUnreachable: string;
}

export function mongoEnvShape(w: MongoEnvWording) {
  return {
    MONGO_URL: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\/\S+$/, "must be a mongodb:// or mongodb+srv:// URL")
      .optional()
      .describe(`MongoDB holding ${w.holds}; unset: an in-memory store (nothing survives a restart).`),
    MONGO_DB: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, "must be 1–63 letters, digits, _ or -")
      .default(w.defaultDb)
      .describe(`The database on the MONGO_URL server ${w.dbHolds}.`),
    MONGO_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(30_000)
      .default(2_000)
      .describe(`How long a request waits for a MongoDB it cannot reach before ${w.whileUnreachable}.`),
  };
}
