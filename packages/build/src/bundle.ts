// Bundles a service's entry point into one ES module for production (`npm run build -w <service>`):
// the workspace's own TypeScript (@emporium/*) is compiled in, every npm dependency stays an import
// from node_modules. The result runs on plain `node`, without a TypeScript loader in the process —
// which saves tens of megabytes per process and the loader's start-up time.
// Beside the bundle it writes `<name>.externals.json`: the npm packages the bundle imports, which are
// all a production image has to install (infra/docker/prune.ts reads it).
//   usage: tsx ../../packages/build/src/bundle.ts [entry=src/main.ts] [outfile=dist/main.mjs]
import { writeFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import path from "node:path";
import { build, type Plugin } from "esbuild";

const [entry = "src/main.ts", outfile = "dist/main.mjs"] = process.argv.slice(2);

const npmDependenciesStayExternal: Plugin = {
  name: "npm-dependencies-stay-external",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@emporium/") ? undefined : { external: true },
    );
  },
};

const started = Date.now();
const result = await build({
  entryPoints: { [path.basename(outfile, path.extname(outfile))]: entry },
  outdir: path.dirname(outfile),
  outExtension: { ".js": ".mjs" },
  // Dynamic imports stay separate chunks, so what a process loads lazily (PGlite, sharp) is only
  // loaded when it is used.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  // An import kept only for what it does when loaded (the kafkajs request-queue fix) must never be
  // dropped because its package says it has no side effects: fail the build instead of shipping without it.
  logOverride: { "ignored-bare-import": "error" },
  metafile: true,
  plugins: [npmDependenciesStayExternal],
  // ESM output still meets the odd CommonJS helper; give it a require that resolves from the bundle.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);

/** `@scope/name/sub/path` → `@scope/name`, `name/sub` → `name`. */
const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
const externals = new Set(
  Object.values(result.metafile.outputs)
    .flatMap((o) => o.imports)
    .filter((i) => i.external && !isBuiltin(i.path))
    .map((i) => packageName(i.path)),
);
const externalsFile = path.join(
  path.dirname(outfile),
  `${path.basename(outfile, path.extname(outfile))}.externals.json`,
);
await writeFile(externalsFile, `${JSON.stringify([...externals].sort(), null, 2)}\n`);
console.log(
  `bundled ${entry} → ${path.relative(process.cwd(), outfile)} (${(bytes / 1024).toFixed(0)} KiB) in ${Date.now() - started} ms`,
);
