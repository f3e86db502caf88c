// The production contents of one image, gathered from a built monorepo into a folder the runtime stage
// copies whole. A service: its bundle (dist/), the npm packages the bundle imports (listed by
// packages/build in dist/*.externals.json) with their own dependencies — production ones only, in
// the versions the lockfile installed — and the files its workspace packages read at run time (their
// package.json `files`, e.g. @emporium/db's migrations). An app: Next.js's standalone output with its
// static assets. The Dockerfile and measure-runtime.ts both call it, so the sizes measured are the
// sizes shipped.
//   usage: tsx infra/docker/prune.ts <workspace dir, e.g. services/catalog> <out dir>
import { cp, mkdir, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The parts of a package.json this reads (the root has no zod: it reads JSON it can trust). */
interface Manifest {
  dependencies: string[];
  optional: string[];
  files: string[] | undefined;
}

const keysOf = (v: unknown): string[] => (typeof v === "object" && v !== null ? Object.keys(v) : []);
const stringsOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}

async function readManifest(dir: string): Promise<Manifest> {
  const json = await readJson(path.join(dir, "package.json"));
  const field = (key: string): unknown =>
    typeof json === "object" && json !== null
      ? Object.entries(json).find(([k]) => k === key)?.[1]
      : undefined;
  const files = field("files");
  // Peers are not followed: they are the consumer's to provide (e.g. @trpc/server names typescript),
  // and what the consumer needs at run time it imports or depends on itself.
  return {
    dependencies: keysOf(field("dependencies")),
    // optional dependencies (other platforms' native builds) may be absent
    optional: keysOf(field("optionalDependencies")),
    files: files === undefined ? undefined : stringsOf(files),
  };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Node's lookup: `<dir>/node_modules/<name>`, then each parent's, up to the repository root. */
async function resolvePackageDir(name: string, fromDir: string): Promise<string | undefined> {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (await exists(path.join(candidate, "package.json"))) return candidate;
    if (dir === REPO_ROOT || dir === path.dirname(dir)) return undefined;
  }
}

/**
 * Every installed package `roots` need at run time, as folders relative to the repository root. A
 * missing optional dependency (another platform's native build) or peer is skipped; a missing required
 * one is an error, because the image would fail when it is first imported.
 */
export async function dependencyClosure(roots: readonly string[], fromDir: string): Promise<string[]> {
  const found = new Set<string>();
  const queue = roots.map((name) => ({ name, fromDir, required: true }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const dir = await resolvePackageDir(next.name, next.fromDir);
    if (!dir) {
      if (next.required) throw new Error(`${next.name} is needed at run time but not installed`);
      continue;
    }
    const rel = path.relative(REPO_ROOT, dir);
    if (found.has(rel)) continue;
    found.add(rel);
    const manifest = await readManifest(dir);
    // A package inside node_modules resolves its own dependencies from its real location.
    const real = await realpath(dir);
    for (const name of new Set([...manifest.dependencies, ...manifest.optional]))
      queue.push({ name, fromDir: real, required: !manifest.optional.includes(name) });
  }
  return [...found].sort();
}

/** The @emporium workspace packages `workspaceDir` depends on, directly or through one another. */
async function workspaceClosure(workspaceDir: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const visit = async (dir: string) => {
    const manifest = await readManifest(dir);
    for (const name of manifest.dependencies) {
      if (!name.startsWith("@emporium/") || seen.has(name)) continue;
      const linked = await resolvePackageDir(name, REPO_ROOT);
      if (!linked) throw new Error(`workspace ${name} is not linked in node_modules`);
      const real = await realpath(linked);
      seen.set(name, real);
      await visit(real);
    }
  };
  await visit(workspaceDir);
  return seen;
}

/**
 * Files of a package that no image loads. @prisma/client ships its query compiler for five databases
 * in two builds (about 60 MB); the generated client loads the one schema.prisma names (postgresql,
 * compilerBuild "small"). Running a pruned bundle (infra/docker/README.md) is what proves this right.
 */
const unused: Record<string, RegExp> = {
  "@prisma/client": /^runtime\/query_compiler_(?!small_bg\.postgresql\.)\w+_bg\./,
};

/** Copies a package folder without its nested node_modules (those are copied as packages of their own). */
async function copyPackage(rel: string, outDir: string): Promise<void> {
  const from = path.join(REPO_ROOT, rel);
  const nested = path.join(from, "node_modules");
  const name = rel.slice(rel.lastIndexOf("node_modules/") + "node_modules/".length);
  const skip = unused[name];
  await cp(from, path.join(outDir, rel), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => src !== nested && !(skip && skip.test(path.relative(from, src))),
  });
}

export interface PruneReport {
  packages: string[];
  workspaceFiles: string[];
}

/** Gathers one bundled service (e.g. `services/catalog`, after its `npm run build`) into `outDir`. */
export async function pruneService(workspace: string, outDir: string): Promise<PruneReport> {
  const workspaceDir = path.join(REPO_ROOT, workspace);
  const distDir = path.join(workspaceDir, "dist");
  const listed = (await readdir(distDir)).filter((f) => f.endsWith(".externals.json"));
  if (listed.length === 0) throw new Error(`${workspace}/dist has no *.externals.json: build it first`);
  const roots = new Set<string>();
  for (const file of listed)
    for (const name of stringsOf(await readJson(path.join(distDir, file)))) roots.add(name);

  await mkdir(outDir, { recursive: true });
  await cp(distDir, path.join(outDir, workspace, "dist"), { recursive: true });
  const packages = await dependencyClosure([...roots], workspaceDir);
  for (const rel of packages) await copyPackage(rel, outDir);

  // Files a workspace package reads at run time, reached through its package name (the bundle has its
  // code but not its data): placed where `require.resolve("@emporium/<name>/package.json")` finds them.
  const workspaceFiles: string[] = [];
  for (const [name, dir] of await workspaceClosure(workspaceDir)) {
    const { files } = await readManifest(dir);
    if (!files) continue;
    const target = path.join(outDir, "node_modules", name);
    for (const entry of ["package.json", ...files]) {
      await cp(path.join(dir, entry), path.join(target, entry), { recursive: true });
      workspaceFiles.push(`${name}/${entry}`);
    }
  }
  return { packages, workspaceFiles };
}

/**
 * Gathers one Next.js app (after `next build` with `output: "standalone"`) into `outDir`: the traced
 * server with the node_modules it uses, plus the static assets and public files, which Next leaves
 * for a CDN or the image to place (https://nextjs.org/docs/app/api-reference/config/next-config-js/output).
 */
export async function pruneApp(workspace: string, outDir: string): Promise<void> {
  const appDir = path.join(REPO_ROOT, workspace);
  const standalone = path.join(appDir, ".next", "standalone");
  if (!(await exists(path.join(standalone, workspace, "server.js"))))
    throw new Error(`${workspace}/.next/standalone/${workspace}/server.js is missing: next build it first`);
  await mkdir(outDir, { recursive: true });
  await cp(standalone, outDir, { recursive: true, verbatimSymlinks: true });
  await cp(path.join(appDir, ".next", "static"), path.join(outDir, workspace, ".next", "static"), {
    recursive: true,
  });
  if (await exists(path.join(appDir, "public")))
    await cp(path.join(appDir, "public"), path.join(outDir, workspace, "public"), { recursive: true });
}

/** Service or app: an app has a next.config. */
export async function prune(workspace: string, outDir: string): Promise<void> {
  if (await exists(path.join(REPO_ROOT, workspace, "next.config.ts"))) await pruneApp(workspace, outDir);
  else await pruneService(workspace, outDir);
}

if (process.argv[1] && (await realpath(process.argv[1])) === fileURLToPath(import.meta.url)) {
  const [workspace, outDir] = process.argv.slice(2);
  if (!workspace || !outDir) {
    console.error("usage: tsx infra/docker/prune.ts <workspace dir> <out dir>");
    process.exit(2);
  }
  await prune(workspace.replace(/\/+$/, ""), path.resolve(outDir));
  console.log(`${workspace}: production contents in ${outDir}`);
}
