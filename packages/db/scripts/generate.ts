// Runs `prisma generate`. The Rust-free client needs no engine, but the CLI still checks that a schema
// engine file exists; where none can be downloaded we point it at any existing file (node itself).
// A developer who already set PRISMA_SCHEMA_ENGINE_BINARY, or has a downloaded engine, keeps theirs.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env };
const configured = env.PRISMA_SCHEMA_ENGINE_BINARY;
if (!configured || !existsSync(configured)) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const result = spawnSync("prisma", ["generate"], {
  stdio: "inherit",
  env,
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
