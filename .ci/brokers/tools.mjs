// Loads the pinned client libraries the round-trip checks use from .ci/cache/node-tools (installed by
// ensure_node_tools in .ci/lib.sh), independent of the workspace's node_modules.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const dir = process.env.CI_NODE_TOOLS;
if (!dir) throw new Error("CI_NODE_TOOLS is not set: run the checks through .ci/lib.sh");

export const tool = createRequire(path.join(dir, "package.json"));

export function toolVersion(name) {
  const file = path.join(dir, "node_modules", ...name.split("/"), "package.json");
  return JSON.parse(readFileSync(file, "utf8")).version;
}

// Fails the check (exit 1) if it has not finished in time, so a hung client never hangs CI.
export function deadline(seconds, what) {
  setTimeout(() => {
    console.error(`${what}: no result after ${seconds}s`);
    process.exit(1);
  }, seconds * 1000).unref();
}
