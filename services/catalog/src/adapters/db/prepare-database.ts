// Getting a database ready for the catalog: migrations, then — on an empty database and when asked —
// a generated shop, with progress on the terminal and in the readiness detail shoppers see.
import { migrate, type Database } from "@emporium/db";
import type { Logger } from "@emporium/observability";
import { createProgressReporter, isSeeded, seed } from "@emporium/seed";
import type { ObjectStore } from "@emporium/storage";
import type { Readiness } from "@emporium/service-kit";

export interface PrepareOptions {
  migrate: boolean;
  seed: { products: number; seed: number } | null;
  media: ObjectStore;
  log: Logger;
  readiness: Readiness;
}

export async function prepareDatabase(db: Database, o: PrepareOptions): Promise<void> {
  if (o.migrate) {
    o.readiness.detail = "applying database migrations";
    const { applied } = await migrate(db, (m) => o.log.info(m));
    if (applied.length > 0) o.log.info({ applied }, "migrations applied");
  }
  if (o.seed && !(await isSeeded(db))) {
    o.log.info(o.seed, "empty catalog: seeding a generated shop (first start only)");
    const progress = createProgressReporter("catalog seed");
    const started = Date.now();
    await seed(db, {
      ...o.seed,
      store: o.media,
      onProgress: (done, total, stage) => {
        o.readiness.detail = `seeding the catalog (${stage} ${Math.floor((done / Math.max(total, 1)) * 100)}%)`;
        progress.update(done, total, stage);
      },
    });
    progress.stop();
    o.log.info({ seconds: Math.round((Date.now() - started) / 1000) }, "catalog seeded");
  }
}
