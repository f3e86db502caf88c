// Where the package's own files live, resolved from this module so CLIs work from any working directory.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMA_PATH = path.join(PACKAGE_DIR, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(PACKAGE_DIR, "prisma", "migrations");
export const REPO_ROOT = path.resolve(PACKAGE_DIR, "..", "..");
/** Default home of embedded data (PGlite, local object storage): `<repo>/.data`. */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, ".data");
