// A catalog over a freshly migrated and seeded test database, reached through the tRPC caller exactly
// as the HTTP server reaches it.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ANONYMOUS, type Principal } from "@emporium/auth";
import type { Database } from "@emporium/db";
import { seed } from "@emporium/seed";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import type { TestDatabaseTarget } from "@emporium/db/testing";
import { LocalFolderStore, LocalFolderUploads, type ObjectStore, type UploadTarget } from "@emporium/storage";
import { PrismaMediaStore } from "../src/adapters/prisma/prisma-media-store";
import { sharpImageProcessor } from "../src/adapters/sharp/sharp-image-processor";
import { MediaLibrary } from "../src/app/media-library";
import { PrismaCatalogAdminStore } from "../src/adapters/prisma/prisma-catalog-admin-store";
import { PrismaCatalogStore } from "../src/adapters/prisma/prisma-catalog-store";
import { appRouter } from "../src/api/router/_app";
import type { Readiness } from "@emporium/service-kit";
import { requestAs, testLimiter } from "@emporium/service-kit/testing";
import { createCallerFactory, type Context } from "../src/api/trpc";
import type { CatalogAdminStore } from "../src/ports/catalog-admin-store";
import type { CatalogStore } from "../src/ports/catalog-store";

export const SEED = 7;
export const PRODUCTS = 300;

const createCaller = createCallerFactory(appRouter);

export interface CatalogFixture {
  db: Database;
  /** The database's URL when it is a PostgreSQL server (undefined on PGlite). */
  url: string | undefined;
  store: CatalogStore;
  admin: CatalogAdminStore;
  /** Where product images and staged uploads live (a temporary folder unless the suite gives one). */
  mediaObjects: ObjectStore;
  /** The procedures as an anonymous shopper calls them. */
  caller: ReturnType<typeof createCaller>;
  /**
   * The procedures as `principal` calls them (a staff member, a signed-in shopper…), in a request with
   * the given id ("test" unless a suite tells its calls apart).
   */
  callerAs(principal: Principal, requestId?: string): ReturnType<typeof createCaller>;
  readiness: Readiness;
  dispose(): Promise<void>;
}

export const silentLog = createLogger({ service: "catalog-test", level: "silent" });

export function contextFor(
  store: CatalogStore,
  readiness: Readiness,
  admin: CatalogAdminStore,
  principal: Principal,
  media: MediaLibrary,
  requestId = "test",
): Context {
  return {
    store,
    admin,
    media,
    ...requestAs(principal, { requestId }),
    invalidateProduct: async () => undefined,
    log: silentLog,
    readiness,
    metrics: createServiceMetrics("catalog-test"),
    limits: { searchPerIp: testLimiter(), suggestPerIp: testLimiter(), staffMutations: testLimiter() },
  };
}

export interface MediaSetup {
  objects: ObjectStore;
  uploads: UploadTarget;
}

export async function createCatalogFixture(
  target: TestDatabaseTarget,
  options: { media?: MediaSetup; products?: number } = {},
): Promise<CatalogFixture> {
  const test = await target.create();
  let mediaDir: string | null = null;
  let media = options.media;
  if (!media) {
    mediaDir = await mkdtemp(path.join(tmpdir(), "emporium-catalog-media-"));
    media = {
      objects: new LocalFolderStore(mediaDir),
      uploads: new LocalFolderUploads({ url: "/uploads", secret: randomBytes(32) }),
    };
  }
  await seed(test.db, { seed: SEED, products: options.products ?? PRODUCTS, store: null });
  const store = new PrismaCatalogStore(test.db);
  const readiness: Readiness = { ready: true, detail: "ready" };
  const admin = new PrismaCatalogAdminStore(test.db);
  const library = new MediaLibrary({
    objects: media.objects,
    uploads: media.uploads,
    store: new PrismaMediaStore(test.db),
    images: sharpImageProcessor,
    log: silentLog,
  });
  const callerAs = (principal: Principal, requestId?: string) =>
    createCaller(contextFor(store, readiness, admin, principal, library, requestId));
  return {
    db: test.db,
    url: test.url,
    store,
    admin,
    mediaObjects: media.objects,
    caller: callerAs(ANONYMOUS),
    callerAs,
    readiness,
    async dispose() {
      await test.dispose();
      if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
    },
  };
}
