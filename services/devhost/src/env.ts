// The development host's configuration: embedded defaults for everything; DATABASE_URL switches the
// database to a real PostgreSQL. (With real brokers, each service runs as its own process instead.)
import path from "node:path";
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { DEFAULT_DATA_DIR } from "@emporium/db";
import { oidcBothOrNeither, oidcConfigOf, oidcEnvShape } from "@emporium/identity/env";

const schema = z
  .object({
    ...oidcEnvShape,
    DATABASE_URL: env.postgresUrl().optional(),
    EMPORIUM_DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
    MEDIA_DIR: z.string().optional(),
    SEED_PRODUCTS: z.coerce.number().int().min(1).max(200_000).default(2000),
    SEED: z.coerce.number().int().min(0).default(42),
    HOST: z.string().default("127.0.0.1"),
    CATALOG_PORT: env.port(4001),
    ORDERS_PORT: env.port(4002),
    IDENTITY_PORT: env.port(4003),
    INVENTORY_PORT: env.port(4021),
    PSP_URL: env.httpUrl().default("http://127.0.0.1:4010"),
    ORDERS_SECRET: z.string().min(32).optional(),
    SERVICE_TOKEN_SECRET: z.string().min(32).optional(),
    RESERVATION_TTL_SECONDS: env.positiveInt(15 * 60),
    CARRIER_STEP_MS: env.positiveInt(4_000),
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
  })
  .refine(oidcBothOrNeither.check, oidcBothOrNeither.params);

export function loadDevhostEnv(source: NodeJS.ProcessEnv = process.env) {
  const e = loadEnvOrExit(schema, source);
  const dataDir = path.resolve(e.EMPORIUM_DATA_DIR);
  return {
    ...e,
    EMPORIUM_DATA_DIR: dataDir,
    MEDIA_DIR: path.resolve(e.MEDIA_DIR ?? path.join(dataDir, "media")),
    oidc: oidcConfigOf(e),
  };
}
