// A catalog over a freshly migrated and seeded test database, reached through the tRPC caller exactly
// as the HTTP server reaches it.
import { ANONYMOUS, type Principal } from "@emporium/auth";
import { seed, type Database } from "@emporium/db";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import type { TestDatabaseTarget } from "@emporium/db/testing";
import { PrismaCatalogAdminStore } from "../src/adapters/prisma/prisma-catalog-admin-store";
import { PrismaCatalogStore } from "../src/adapters/prisma/prisma-catalog-store";
import { appRouter } from "../src/router/_app";
import { createCallerFactory, type Context, type Readiness } from "../src/trpc";
import type { CatalogAdminStore } from "../src/ports/catalog-admin-store";
import type { CatalogStore } from "../src/ports/catalog-store";

export const SEED = 7;
export const PRODUCTS = 300;

const createCaller = createCallerFactory(appRouter);

export interface CatalogFixture {
  db: Database;
  store: CatalogStore;
  admin: CatalogAdminStore;
  /** The procedures as an anonymous shopper calls them. */
  caller: ReturnType<typeof createCaller>;
  /** The procedures as `principal` calls them (a staff member, a signed-in shopper…). */
  callerAs(principal: Principal): ReturnType<typeof createCaller>;
  readiness: Readiness;
  dispose(): Promise<void>;
}

export const silentLog = createLogger({ service: "catalog-test", level: "silent" });

export function contextFor(
  store: CatalogStore,
  readiness: Readiness,
  admin: CatalogAdminStore,
  principal: Principal = ANONYMOUS,
): Context {
  return {
    store,
    admin,
    principal: () => Promise.resolve(principal),
    invalidateProduct: () => undefined,
    log: silentLog,
    requestId: "test",
    readiness,
    metrics: createServiceMetrics("catalog-test"),
  };
}

export async function createCatalogFixture(target: TestDatabaseTarget): Promise<CatalogFixture> {
  const test = await target.create();
  await seed(test.db, { seed: SEED, products: PRODUCTS, store: null });
  const store = new PrismaCatalogStore(test.db);
  const readiness: Readiness = { ready: true, detail: "ready" };
  const admin = new PrismaCatalogAdminStore(test.db);
  const callerAs = (principal: Principal) => createCaller(contextFor(store, readiness, admin, principal));
  return {
    db: test.db,
    store,
    admin,
    caller: callerAs(ANONYMOUS),
    callerAs,
    readiness,
    dispose: () => test.dispose(),
  };
}
