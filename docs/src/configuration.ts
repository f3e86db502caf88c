// Renders docs/configuration.md from the zod schema every process validates its environment with, so the
// page cannot drift from the code: names, defaults, what is required and what is accepted come from the
// schemas themselves (through zod's JSON Schema conversion), and what each variable is for from its
// `.describe(…)`. Nothing here reads the environment; paths under the repository print as `<repo>`.
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { z } from "zod";
import { adminEnvSchema } from "@emporium/admin/env-schema";
import { auditEnvSchema } from "@emporium/audit/env";
import { catalogEnvSchema } from "@emporium/catalog/env";
import { devhostEnvSchema } from "@emporium/devhost/env";
import { fulfillmentEnvSchema } from "@emporium/fulfillment/env";
import { identityEnvSchema } from "@emporium/identity/env";
import { inventoryEnvSchema } from "@emporium/inventory/env";
import { ordersEnvSchema } from "@emporium/orders/env";
import { paymentEnvSchema } from "@emporium/payment/env";
import { pspEnvSchema } from "@emporium/psp/env";
import { reviewsEnvSchema } from "@emporium/reviews/env";
import { webEnvSchema } from "@emporium/web/env-schema";

/** The repository's root (this file is docs/src/configuration.ts), printed as `<repo>`. */
export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface ProcessConfig {
  /** Heading and anchor, e.g. "catalog". */
  name: string;
  /** Where its schema lives, relative to the repository root. */
  source: string;
  /** One sentence: what the process is. */
  summary: string;
  schema: z.ZodObject;
}

export const PROCESSES: readonly ProcessConfig[] = [
  {
    name: "devhost",
    source: "services/devhost/src/env.ts",
    summary: "`npm run dev`'s backend: every service but the PSP in one process, on embedded defaults.",
    schema: devhostEnvSchema,
  },
  {
    name: "web",
    source: "apps/web/src/env-schema.ts",
    summary: "The storefront (Next.js).",
    schema: webEnvSchema,
  },
  {
    name: "admin",
    source: "apps/admin/src/env-schema.ts",
    summary: "The merchant admin (Next.js).",
    schema: adminEnvSchema,
  },
  {
    name: "catalog",
    source: "services/catalog/src/env.ts",
    summary: "Products, categories, prices, search and media (tRPC).",
    schema: catalogEnvSchema,
  },
  {
    name: "orders",
    source: "services/orders/src/env.ts",
    summary: "Carts, checkout, the order saga and live order status (tRPC, SSE).",
    schema: ordersEnvSchema,
  },
  {
    name: "identity",
    source: "services/identity/src/env.ts",
    summary: "Accounts, sign-in, staff and invitations (tRPC).",
    schema: identityEnvSchema,
  },
  {
    name: "reviews",
    source: "services/reviews/src/env.ts",
    summary: "Product reviews, ratings and their moderation, in MongoDB (tRPC).",
    schema: reviewsEnvSchema,
  },
  {
    name: "audit",
    source: "services/audit/src/env.ts",
    summary:
      "The staff audit log: every service's staff actions from Kafka, kept in MongoDB, read by owners (tRPC).",
    schema: auditEnvSchema,
  },
  {
    name: "inventory",
    source: "services/inventory/src/env.ts",
    summary: "Stock and reservations (worker) and the staff stock API (tRPC).",
    schema: inventoryEnvSchema,
  },
  {
    name: "payment",
    source: "services/payment/src/env.ts",
    summary: "Authorise, capture and refund through the payment provider (worker).",
    schema: paymentEnvSchema,
  },
  {
    name: "fulfillment",
    source: "services/fulfillment/src/env.ts",
    summary: "Shipments, packing slips and the simulated carrier (worker).",
    schema: fulfillmentEnvSchema,
  },
  {
    name: "psp",
    source: "services/psp/src/env.ts",
    summary: "The payment provider simulator (HTTP).",
    schema: pspEnvSchema,
  },
];

/** What one variable's JSON Schema may hold, as far as this page reads it. */
interface VariableSchema {
  description?: string;
  default?: unknown;
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
}

export interface Variable {
  name: string;
  required: boolean;
  /** The default as written on the page, or undefined when there is none. */
  default: string | undefined;
  accepts: string;
  description: string;
}

const FLAG_VALUES = ["0", "1", "false", "no", "true", "yes"];

/** The values a variable takes, in a few words (the start-up check gives the exact rule when one fails). */
function accepts(s: VariableSchema): string {
  if (s.enum) {
    const values = s.enum.map(String);
    if ([...values].sort().join() === FLAG_VALUES.join())
      return "yes/no (`1`, `true`, `yes` / `0`, `false`, `no`)";
    return `one of ${values.map((v) => `\`${v}\``).join(", ")}`;
  }
  if (s.type === "integer" || s.type === "number") {
    const kind = s.type === "integer" ? "integer" : "number";
    // zod bounds every integer by the safe range; only a bound the schema chose is worth printing.
    const min =
      s.exclusiveMinimum !== undefined && kind === "integer"
        ? s.exclusiveMinimum + 1
        : s.minimum !== undefined && s.minimum > Number.MIN_SAFE_INTEGER
          ? s.minimum
          : undefined;
    const max = s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER ? s.maximum : undefined;
    if (min !== undefined && max !== undefined) return `${kind} ${min}–${max}`;
    if (min !== undefined) return `${kind} ≥ ${min}`;
    if (max !== undefined) return `${kind} ≤ ${max}`;
    return kind;
  }
  if (s.format === "uri") return "URL";
  if (s.minLength !== undefined && s.minLength > 1) return `text, ${s.minLength}+ characters`;
  if (s.maxLength !== undefined) return `text, at most ${s.maxLength} characters`;
  return "text";
}

/** Every variable of one process, in the order its schema declares them. */
export function variablesOf(p: ProcessConfig, repoRoot: string = REPO_ROOT): Variable[] {
  // Input side: what the environment holds before transforms turn "1" into true or a list into an array.
  const json = z.toJSONSchema(p.schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, VariableSchema>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    if (!s.description) throw new Error(`${p.source}: ${name} has no .describe("…") saying what it is for`);
    return {
      name,
      required: required.has(name),
      default: s.default === undefined ? undefined : String(s.default).split(repoRoot).join("<repo>"),
      accepts: accepts(s),
      description: s.description,
    };
  });
}

/** Variable names and `<NAME>/path` placeholders as code, so Markdown neither italicises nor hides them. */
function inline(text: string, names: ReadonlySet<string>): string {
  return text.replace(/<[A-Z][A-Z0-9_]*>(?:[\w./-]*[\w/])?|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, (m) =>
    m.startsWith("<") || names.has(m) ? `\`${m}\`` : m,
  );
}

function line(v: Variable, names: ReadonlySet<string>): string {
  const when = v.required
    ? "**required**"
    : v.default === undefined
      ? "optional"
      : `default \`${v.default}\``;
  return `- \`${v.name}\` — ${when}; ${v.accepts}. ${inline(v.description, names)}`;
}

/** The page's Markdown before formatting. */
export function renderConfiguration(
  processes: readonly ProcessConfig[] = PROCESSES,
  repoRoot?: string,
): string {
  const all = processes.map((p) => ({ p, vars: variablesOf(p, repoRoot) }));
  const names = new Set(all.flatMap(({ vars }) => vars.map((v) => v.name)));
  const readers = new Map<string, string[]>();
  for (const { p, vars } of all)
    for (const v of vars) readers.set(v.name, [...(readers.get(v.name) ?? []), p.name]);
  const shared = [...readers].filter(([, by]) => by.length > 1).sort(([a], [b]) => a.localeCompare(b));

  const out = [
    "<!-- Generated by docs/src/generate-config.ts from each process's env schema; do not edit by hand.",
    "     Run `npm run generate:config -w @emporium/docs` after changing a schema. -->",
    "",
    "# Configuration",
    "",
    "Every process reads its environment once, at start-up, through one zod schema, and refuses to start",
    "naming every bad or missing variable (the services exit with status 2; the apps fail at start and at",
    "build). An empty value counts as unset. No secret has a written-in default: where one may be left",
    "unset, the process generates a random one once under `<EMPORIUM_DATA_DIR>/secrets`, which is only",
    "right when every process shares that folder, as `npm run dev` does. Paths print `<repo>` for the",
    "repository root.",
    "",
    "Read by libraries rather than by these schemas: `NEXTAUTH_URL` (next-auth, in both apps: the app's",
    "public URL), and `NODE_EXTRA_CA_CERTS` (Node: a PEM file of CAs that every TLS connection to a backing",
    "server trusts besides the public ones — see [TLS to backing servers](operations.md#tls-to-backing-servers)).",
    "Tests and benchmarks take the `TEST_*`, `BENCH_*` and `PROFILE_*` variables described in",
    "[testing.md](testing.md) and [benchmarks.md](benchmarks.md).",
    "",
    "| process | what it is | schema |",
    "| --- | --- | --- |",
    ...processes.map((p) => `| [${p.name}](#${p.name}) | ${p.summary} | \`${p.source}\` |`),
    "",
    "## Shared variables",
    "",
    "Variables that more than one process reads. `SERVICE_TOKEN_SECRET` must hold the same value in every",
    "process of one installation: the apps sign with it and the backends verify.",
    "",
    "| variable | read by |",
    "| --- | --- |",
    ...shared.map(([name, by]) => `| \`${name}\` | ${by.join(", ")} |`),
  ];
  for (const { p, vars } of all) {
    out.push("", `## ${p.name}`, "", `${p.summary} Schema: \`${p.source}\`.`, "");
    out.push(...vars.map((v) => line(v, names)));
  }
  return out.join("\n") + "\n";
}

/** The page exactly as committed: rendered, then formatted with the repository's Prettier settings. */
export async function configurationMarkdown(
  file: string,
  processes: readonly ProcessConfig[] = PROCESSES,
  repoRoot?: string,
): Promise<string> {
  const options = (await resolveConfig(file)) ?? {};
  return format(renderConfiguration(processes, repoRoot), { ...options, filepath: file });
}
