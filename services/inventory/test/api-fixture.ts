// The inventory's staff API on a freshly migrated test database, reached through the tRPC caller as a
// given principal — the context the HTTP server builds from a verified token. A small seeded shop
// gives the catalog variants whose read model the stock events must reach.
import { randomBytes } from "node:crypto";
import { ANONYMOUS, type Principal } from "@emporium/auth";
import type { Database } from "@emporium/db";
import { seed } from "@emporium/seed";
import type { TestDatabaseTarget } from "@emporium/db/testing";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { requestAs, testLimiter } from "@emporium/service-kit/testing";
import { appRouter } from "../src/api/router/_app";
import { createInventoryApi, type InventoryApi } from "../src/service";
import { createCallerFactory } from "../src/api/trpc";

export const log = createLogger({ service: "inventory-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface InventoryApiFixture {
  db: Database;
  api: InventoryApi;
  tokenKey: Uint8Array;
  /** A caller acting as `principal` (anonymous by default), in a request with the given id ("test"). */
  as(principal?: Principal, requestId?: string): Caller;
  dispose(): Promise<void>;
}

export async function createInventoryApiFixture(target: TestDatabaseTarget): Promise<InventoryApiFixture> {
  const test = await target.create();
  await seed(test.db, { seed: 11, products: 12, store: null });
  const tokenKey = new Uint8Array(randomBytes(32));
  const api = createInventoryApi({
    db: test.db,
    log,
    metrics: createServiceMetrics("inventory-test"),
    tokenKey,
    limits: { staffMutations: testLimiter() },
  });
  return {
    db: test.db,
    api,
    tokenKey,
    as: (principal = ANONYMOUS, requestId = "test") =>
      createCaller({ ...api.base, ...requestAs(principal, { requestId }) }),
    dispose: () => test.dispose(),
  };
}

export { refusal } from "@emporium/service-kit/testing";
