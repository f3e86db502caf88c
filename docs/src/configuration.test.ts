// docs/configuration.md must be what the generator writes from the schemas today, and the generator must
// say what every variable is for without printing anything of the machine it ran on.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  configurationMarkdown,
  PROCESSES,
  renderConfiguration,
  REPO_ROOT,
  variablesOf,
} from "./configuration";
import { CONFIGURATION_MD } from "./generate-config";

describe("docs/configuration.md", () => {
  it("is what the generator writes from the env schemas", async () => {
    const committed = await readFile(CONFIGURATION_MD, "utf8").catch(() => "(missing)");
    const generated = await configurationMarkdown(CONFIGURATION_MD);
    expect(
      committed === generated,
      "docs/configuration.md differs from the env schemas: run `npm run generate:config -w @emporium/docs` and commit the result",
    ).toBe(true);
  });

  it("lists every variable of every process, with its default and without this machine's paths", () => {
    const page = renderConfiguration();
    for (const p of PROCESSES)
      for (const name of Object.keys(p.schema.shape))
        expect(page, `${p.name}: ${name}`).toContain(`\`${name}\``);
    expect(page).not.toContain(REPO_ROOT);
    const catalog = variablesOf(PROCESSES.find((p) => p.name === "catalog")!);
    expect(catalog.find((v) => v.name === "CATALOG_PORT")).toMatchObject({
      required: false,
      default: "4001",
    });
    expect(catalog.find((v) => v.name === "EMPORIUM_DATA_DIR")?.default).toBe("<repo>/.data");
    const orders = variablesOf(PROCESSES.find((p) => p.name === "orders")!);
    expect(orders.find((v) => v.name === "ORDERS_SECRET")).toMatchObject({
      required: true,
      default: undefined,
    });
  });

  it("refuses a variable that does not say what it is for", () => {
    const undocumented = {
      name: "x",
      source: "x/env.ts",
      summary: "x",
      schema: z.object({ FOO: z.string() }),
    };
    expect(() => renderConfiguration([undocumented])).toThrow('x/env.ts: FOO has no .describe("…")');
  });
});
