// `npm run seed -w @emporium/seed -- [--seed 42] [--products 2000] [--no-images]`: migrates, then seeds an
// empty database with a generated shop. On a seeded database it reports that and changes nothing.
import { parseArgs } from "node:util";
import { LocalFolderStore } from "@emporium/storage";
import { migrate, openDatabase } from "@emporium/db";
import { loadCliEnv } from "@emporium/db/cli-env";
import { seed } from "./index";
import { createProgressReporter } from "./progress";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "42" },
    products: { type: "string", default: "2000" },
    "no-images": { type: "boolean", default: false },
  },
});
const seedNumber = Number(values.seed);
const products = Number(values.products);
if (!Number.isInteger(seedNumber) || seedNumber < 0)
  throw new Error(`--seed must be a whole number, got ${values.seed}`);
if (!Number.isInteger(products) || products < 1 || products > 200_000)
  throw new Error(`--products must be between 1 and 200000, got ${values.products}`);

const env = loadCliEnv();
const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
const progress = createProgressReporter("seed");
try {
  await migrate(db, (m) => console.log(m));
  const started = Date.now();
  const result = await seed(db, {
    seed: seedNumber,
    products,
    store: values["no-images"] ? null : new LocalFolderStore(env.mediaDir),
    onProgress: (done, total, stage) => progress.update(done, total, stage),
  });
  progress.stop();
  if (result.skipped) console.log(`${db.description} is already seeded; nothing changed`);
  else
    console.log(
      `seeded ${db.description} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        Object.entries(result.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(", "),
    );
} catch (err) {
  progress.stop();
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.close();
}
