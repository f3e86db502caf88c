export {
  openDatabase,
  prismaSession,
  type Database,
  type DatabaseKind,
  type OpenDatabaseOptions,
  type PoolStats,
  type SqlSession,
} from "./client";
export { isUniqueViolation } from "./errors";
export { migrate, readMigrations, MigrationError, type MigrateResult } from "./migrate";
export { DEFAULT_DATA_DIR, REPO_ROOT } from "./paths";
export { databaseEnv, POSTGRES_URL } from "./env";
export { Prisma, PrismaClient } from "./generated/prisma/client";
export type * from "./generated/prisma/client";
