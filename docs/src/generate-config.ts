// Writes docs/configuration.md from the processes' env schemas: `npm run generate:config -w @emporium/docs`.
// The test beside it fails while the committed page differs from what this writes.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { configurationMarkdown } from "./configuration";

export const CONFIGURATION_MD = path.resolve(import.meta.dirname, "..", "configuration.md");

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isMain) {
  await writeFile(CONFIGURATION_MD, await configurationMarkdown(CONFIGURATION_MD));
  console.log(`wrote ${path.relative(process.cwd(), CONFIGURATION_MD)}`);
}
