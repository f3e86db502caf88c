// The listing query of bench (b): the catalog's own SQL for its default listing (published products,
// newest first, one page with brand, first image and sale price), so the benchmark runs exactly what
// product.list runs. The catalog prints it (services/catalog/scripts/listing-sql.ts) — the bench does
// not import the catalog's adapters — as `$n` placeholder text and values, which Prisma and raw `pg`
// both run unchanged.
import { execFileSync } from "node:child_process";
import path from "node:path";

export interface ListingInput {
  limit: number;
}

export interface ListingQuery {
  text: string;
  values: (string | number | boolean | null)[];
}

function isListingQuery(v: unknown): v is ListingQuery {
  if (typeof v !== "object" || v === null || !("text" in v) || !("values" in v)) return false;
  const { text, values } = v;
  return (
    typeof text === "string" &&
    Array.isArray(values) &&
    values.every((x) => x === null || ["string", "number", "boolean"].includes(typeof x))
  );
}

export function listingQuery(repoRoot: string, input: ListingInput): ListingQuery {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/listing-sql.ts", String(input.limit)],
    { cwd: path.join(repoRoot, "services", "catalog"), encoding: "utf8" },
  );
  const query: unknown = JSON.parse(out);
  if (!isListingQuery(query)) throw new Error(`the catalog printed no listing query: ${out.slice(0, 200)}`);
  return query;
}
