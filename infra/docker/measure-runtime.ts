// What each image's runtime stage holds, before and after infra/docker/Dockerfile, measured without a
// container engine. Before: the old per-service Dockerfiles copied the whole build stage — the build
// context (the repository less .dockerignore), node_modules with every dev dependency, the generated
// Prisma client and the target's build output. After: prune.ts gathers the folder the runtime stage
// copies, into a temporary folder, exactly as the Dockerfile runs it. Both exclude the base image
// (node:20-bookworm-slim), which is the same before and after.
//   usage: npx tsx infra/docker/measure-runtime.ts   (after `npm run generate -w @emporium/db`, each
//   service's `npm run build -w services/<name>`, and for an app its `npm run build -w apps/<name>`)
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { lstat, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { prune, REPO_ROOT } from "./prune";

interface Size {
  bytes: number;
  files: number;
}

/** Apparent size of a tree, symlinks counted as links (as an image layer stores them). */
async function treeSize(dir: string, skip: (rel: string) => boolean = () => false): Promise<Size> {
  const total: Size = { bytes: 0, files: 0 };
  const visit = async (rel: string) => {
    const full = path.join(dir, rel);
    const info = await lstat(full);
    if (info.isDirectory()) {
      for (const entry of await readdir(full)) {
        const child = path.join(rel, entry);
        if (!skip(child)) await visit(child);
      }
      return;
    }
    total.bytes += info.size;
    total.files += 1;
  };
  if (existsSync(dir)) await visit("");
  return total;
}

const add = (a: Size, b: Size): Size => ({ bytes: a.bytes + b.bytes, files: a.files + b.files });

/** The old build context: files git knows, less what the old .dockerignore left out. */
async function oldContext(): Promise<Size> {
  const ignored = (await readFile(path.join(REPO_ROOT, ".dockerignore"), "utf8"))
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#") && !l.startsWith("!"))
    // the old file left out all of infra/; today's keeps infra/docker (a few KB) in the context
    .map((l) => (l === "infra/*" ? "infra" : l));
  const matches = (rel: string) =>
    ignored.some((p) =>
      [rel, ...rel.split("/").map((_, i, parts) => parts.slice(0, i + 1).join("/"))].some((prefix) =>
        path.matchesGlob(prefix, p),
      ),
    );
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\0")
    .filter((rel) => rel && !matches(rel) && existsSync(path.join(REPO_ROOT, rel)));
  const total: Size = { bytes: 0, files: 0 };
  for (const rel of tracked) {
    total.bytes += (await lstat(path.join(REPO_ROOT, rel))).size;
    total.files += 1;
  }
  return total;
}

/** `npm ci --include=dev` of every workspace: each node_modules folder, less caches tools leave in it. */
async function oldNodeModules(): Promise<Size> {
  const skipCaches = (rel: string) => rel === ".cache" || rel === ".vite" || rel === ".vitest";
  let total = await treeSize(path.join(REPO_ROOT, "node_modules"), skipCaches);
  for (const group of ["apps", "services", "packages"])
    for (const ws of await readdir(path.join(REPO_ROOT, group)))
      total = add(total, await treeSize(path.join(REPO_ROOT, group, ws, "node_modules"), skipCaches));
  return total;
}

const targets = [
  "services/catalog",
  "services/orders",
  "services/identity",
  "services/inventory",
  "services/payment",
  "services/fulfillment",
  "services/reviews",
  "services/audit",
  "services/psp",
  "apps/web",
  "apps/admin",
];

const mb = (s: Size) => `${(s.bytes / 1024 / 1024).toFixed(1).padStart(7)} MB`;

const shared = add(
  add(await oldContext(), await oldNodeModules()),
  await treeSize(path.join(REPO_ROOT, "packages", "db", "src", "generated")),
);
console.log(
  `old runtime stage, shared by every image: ${mb(shared).trim()} in ${shared.files} files (+ the target's build output)\n`,
);
console.log(
  `${"image".padEnd(12)} ${"before".padStart(10)} ${"after".padStart(10)}  after/before  files after`,
);
const work = await mkdtemp(path.join(os.tmpdir(), "emporium-images-"));
try {
  for (const workspace of targets) {
    const name = path.basename(workspace);
    const isApp = workspace.startsWith("apps/");
    const built = isApp
      ? existsSync(path.join(REPO_ROOT, workspace, ".next", "standalone"))
      : existsSync(path.join(REPO_ROOT, workspace, "dist"));
    if (!built) {
      console.log(`${name.padEnd(12)} not built: npm run build -w ${workspace}`);
      continue;
    }
    // The old image held `next build`'s output (its cache was a build-time mount) or the bundle.
    const output = isApp
      ? await treeSize(
          path.join(REPO_ROOT, workspace, ".next"),
          (rel) => rel === "cache" || rel === "standalone",
        )
      : await treeSize(path.join(REPO_ROOT, workspace, "dist"));
    const before = add(shared, output);
    const out = path.join(work, name);
    await prune(workspace, out);
    const after = await treeSize(out);
    await rm(out, { recursive: true, force: true });
    const ratio = `${((after.bytes / before.bytes) * 100).toFixed(1)}% (÷${(before.bytes / after.bytes).toFixed(1)})`;
    console.log(`${name.padEnd(12)} ${mb(before)} ${mb(after)}  ${ratio.padEnd(13)} ${after.files}`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
