// The two variables every process with a database takes: a PostgreSQL URL, or none for the embedded
// PGlite kept under the data folder. Spread into each process's env schema.
import { z } from "zod";
import { DEFAULT_DATA_DIR } from "./paths";

export const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** `stores` says what this process keeps under the data folder ("PGlite, media, generated secrets"). */
export function databaseEnv(stores: string) {
  return {
    DATABASE_URL: z
      .string()
      .regex(POSTGRES_URL, "must be a postgresql:// URL")
      .optional()
      .describe("PostgreSQL connection string; unset: the embedded PGlite under EMPORIUM_DATA_DIR."),
    EMPORIUM_DATA_DIR: z
      .string()
      .default(DEFAULT_DATA_DIR)
      .describe(`Where embedded data lives (${stores}).`),
  };
}
