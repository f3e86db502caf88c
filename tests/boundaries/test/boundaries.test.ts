// The boundary rules of eslint.config.js, exercised through ESLint itself: each crossing import below
// must be refused with a message saying what to import instead, and the legal imports beside them must
// pass. Deleting or loosening a rule in the config fails this test.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const eslint = new ESLint({ cwd: repoRoot });

const BOUNDARY_RULES = new Set([
  "no-restricted-imports",
  "no-restricted-syntax",
  // The layer rules inside a service (domain/, app/) use the TypeScript rule so they stack with these.
  "@typescript-eslint/no-restricted-imports",
]);

/** The boundary messages ESLint reports for `code` as if it were the file at `file` (repo-relative). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId))
    .map((m) => m.message);
}

const refused: [what: string, file: string, code: string, says: RegExp][] = [
  [
    "an app importing a service's domain module",
    "apps/web/src/product/x.ts",
    'export { findVariant } from "@emporium/catalog/variant-matrix";',
    /only through its client entry, '@emporium\/<service>\/client'/,
  ],
  [
    "an app importing a service's package root",
    "apps/admin/src/x.tsx",
    'import { createOrdersService } from "@emporium/orders";',
    /only through its client entry/,
  ],
  [
    "an app importing a service's composition entry (types too)",
    "apps/admin/src/x.ts",
    'import type { CatalogService } from "@emporium/catalog/service";',
    /only through its client entry/,
  ],
  [
    "the bench importing a service's adapter",
    "bench/catalog/x.ts",
    'import { listingItemsSql } from "@emporium/catalog/listing-sql";',
    /only through its client entry/,
  ],
  [
    "a system test importing a service's internals",
    "tests/system/src/x.ts",
    'import { sagaHandler } from "@emporium/orders/saga";',
    /only through its client entry/,
  ],
  [
    "a package importing a service, even its client",
    "packages/messaging/src/x.ts",
    'import { createCatalogClient } from "@emporium/catalog/client";',
    /Packages sit below the services/,
  ],
  [
    "a package importing the system tests",
    "packages/testkit/src/x.ts",
    'import { Stack } from "@emporium/system-tests";',
    /leaves of the graph/,
  ],
  [
    "a service importing another service's handler",
    "services/inventory/test/x.int.test.ts",
    'import { stockChangedHandler } from "@emporium/catalog/stock-read-model";',
    /never imports another service's internals/,
  ],
  [
    "a service importing another service's composition entry",
    "services/orders/src/x.ts",
    'import { createCatalogService } from "@emporium/catalog/service";',
    /never imports another service's internals/,
  ],
  [
    "a service's source importing another service's test double",
    "services/payment/src/x.ts",
    'import { startPsp } from "@emporium/psp/testing";',
    /never imports another service's internals/,
  ],
  [
    "the development host importing a service's internals",
    "services/devhost/src/x.ts",
    'import { prepareDatabase } from "@emporium/catalog/bootstrap";',
    /composition entries only/,
  ],
  [
    "a service importing an app",
    "services/catalog/src/x.ts",
    'import { env } from "@emporium/web/env";',
    /Nothing imports an app/,
  ],
  [
    "the docs importing a service's internals",
    "docs/src/x.ts",
    'import { appRouter } from "@emporium/catalog/router";',
    /configuration through '@emporium\/<service>\/env' only/,
  ],
  [
    "a relative import climbing out of a service into another",
    "services/orders/src/app/x.ts",
    'import { listingItemsSql } from "../../../catalog/src/adapters/prisma/listing-sql";',
    /leaves its workspace/,
  ],
  [
    "a relative import climbing out of an app to the repository root",
    "apps/web/src/x.ts",
    'import config from "../../../eslint.config.js";',
    /leaves its workspace/,
  ],
  [
    "a relative re-export climbing out of a package",
    "packages/db/src/x.ts",
    'export * from "../../seed/src/index";',
    /leaves its workspace/,
  ],
  [
    "a dynamic import climbing out of a test workspace",
    "tests/system/test/x.test.ts",
    'await import("../../../services/psp/src/api/server");',
    /leaves its workspace/,
  ],
  [
    "domain code reaching the database",
    "services/orders/src/domain/x.ts",
    'import { openDatabase } from "@emporium/db";',
    /domain\/ holds pure rules/,
  ],
  [
    "domain code reading a file",
    "services/fulfillment/src/domain/x.ts",
    'import { readFile } from "node:fs/promises";',
    /domain\/ holds pure rules/,
  ],
  [
    "domain code importing an adapter",
    "services/catalog/src/domain/x.ts",
    'import { PrismaCatalogStore } from "../adapters/prisma/prisma-catalog-store";',
    /domain\/ depends on nothing around it/,
  ],
  [
    "a use case running SQL itself",
    "services/orders/src/app/x.ts",
    'import pg from "pg";',
    /only through ports\//,
  ],
  [
    "a use case opening the database",
    "services/identity/src/app/x.ts",
    'import { openDatabase } from "@emporium/db";',
    /only through ports\//,
  ],
  [
    "a use case importing an adapter",
    "services/inventory/src/app/x.ts",
    'import { SqlReservationExpiry } from "../adapters/sql/reservation-expiry";',
    /never imports an adapter/,
  ],
];

const allowed: [what: string, file: string, code: string][] = [
  [
    "an app importing a client entry",
    "apps/web/src/x.ts",
    'import { findVariant } from "@emporium/catalog/client";',
  ],
  [
    "an app importing a service's pure rules without the client",
    "apps/web/src/x.tsx",
    'import { findVariant } from "@emporium/catalog/browser";',
  ],
  [
    "the bench importing the system tests",
    "bench/orders/x.ts",
    'import { Stack } from "@emporium/system-tests";',
  ],
  ["a package importing a package", "packages/seed/src/x.ts", 'import { migrate } from "@emporium/db";'],
  [
    "a service calling another through its client",
    "services/orders/src/adapters/x.ts",
    'import { createCatalogClient } from "@emporium/catalog/client";',
  ],
  [
    "a service's test starting another service's published test double",
    "services/payment/test/x.int.test.ts",
    'import { startPsp } from "@emporium/psp/testing";',
  ],
  [
    "the development host composing services",
    "services/devhost/src/x.ts",
    'import { createCatalogService } from "@emporium/catalog/service";\nimport { createInventoryWorker } from "@emporium/inventory/service";\nimport { oidcEnvShape } from "@emporium/identity/env";',
  ],
  [
    "the docs reading an env schema",
    "docs/src/x.ts",
    'import { catalogEnvSchema } from "@emporium/catalog/env";',
  ],
  [
    "relative imports inside a workspace, however deep",
    "services/catalog/src/api/router/admin/x.ts",
    'import { router } from "../../trpc";\nimport { Context } from "../../../src/trpc";\nimport { env } from "../..";',
  ],
  ["a file at a workspace root importing beside it", "bench/x.ts", 'import { run } from "./catalog/run";'],
  [
    "domain code using the shared contracts and the kit's errors",
    "services/orders/src/domain/x.ts",
    'import { MAX_LINE_QUANTITY } from "@emporium/contracts";\nimport { InvalidInputError } from "@emporium/service-kit/errors";\nimport { randomUUID } from "node:crypto";',
  ],
  [
    "a use case taking ports, domain rules and a shared port's types",
    "services/catalog/src/app/x.ts",
    'import type { MediaStore } from "../ports/media-store";\nimport { planProduct } from "../domain/product-plan";\nimport type { Database } from "@emporium/db";\nimport type { ObjectStore } from "@emporium/storage";',
  ],
];

describe("import boundaries (eslint.config.js)", () => {
  it.each(refused)("refuses %s", async (_what, file, code, says) => {
    const errors = await boundaryErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(says);
  });

  it.each(allowed)("allows %s", async (_what, file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
