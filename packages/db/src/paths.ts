// Where the package's own files live. Found through the package's own name rather than this module's
// location, so it holds both when running from source and inside a service's production bundle.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export const PACKAGE_DIR = path.dirname(require.resolve("@emporium/db/package.json"));
export const SCHEMA_PATH = path.join(PACKAGE_DIR, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(PACKAGE_DIR, "prisma", "migrations");
export const REPO_ROOT = path.resolve(PACKAGE_DIR, "..", "..");
/** Default home of embedded data (PGlite, local object storage): `<repo>/.data`. */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, ".data");
