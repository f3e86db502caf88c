// Prisma's schema engine compiled to WebAssembly, driven through a PGlite driver adapter. It lets this
// project diff `schema.prisma` against its migrations (and write new migrations) on machines where the
// native schema engine binary cannot be downloaded. The shadow database is a fresh in-memory PGlite.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineRuntime from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DiffTarget, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPGlite } from "./pglite";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "./paths";

let engineClass: typeof SchemaEngine | undefined;

async function loadEngineClass(): Promise<typeof SchemaEngine> {
  if (engineClass) return engineClass;
  const require = createRequire(import.meta.url);
  const wasmFile = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm")),
    "schema_engine_bg.wasm",
  );
  const module = new WebAssembly.Module(await readFile(wasmFile));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": engineRuntime });
  engineRuntime.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
  engineClass = engineRuntime.SchemaEngine;
  return engineClass;
}

function pgliteAdapterFactory() {
  const open = async () => new PrismaPGlite(await createPGlite()).connect();
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "emporium-pglite",
    connect: open,
    connectToShadowDb: open,
  });
}

/** The migration folders in Prisma's layout, as the schema engine expects them. */
export async function loadMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    entries.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  );
  const lock = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * The SQL that takes a database built by the migrations to what schema.prisma describes — empty when
 * the two agree. Objects Prisma does not model (triggers, functions, extensions) are not compared.
 */
export async function diffMigrationsToSchema(
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<string> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const schema = await readFile(schemaPath, "utf8");
  const Engine = await loadEngineClass();
  const engine = await Engine.new(
    { datamodels: [[schemaPath, schema]] },
    () => undefined,
    pgliteAdapterFactory(),
  );
  try {
    const from: DiffTarget = { tag: "migrations", ...(await loadMigrationList(options.migrationsDir)) };
    const to: DiffTarget = { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] };
    const result = await engine.diff({
      from,
      to,
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? "").trim();
  } finally {
    engine.free();
  }
}

/** True when the diff script changes nothing (Prisma prints a comment-only script then). */
export function isEmptyDiff(script: string): boolean {
  return script
    .split("\n")
    .map((l) => l.trim())
    .every((l) => l === "" || l.startsWith("--"));
}
