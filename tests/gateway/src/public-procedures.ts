// The catalog procedures the gateway serves under the storefront's /api/trpc: every procedure but the
// staff ones (admin.*). The type checks below tie this list to the catalog's router, so a new public
// procedure, or a renamed one, fails the typecheck until it is listed here — and src/config.test.ts
// then fails until infra/gateway/haproxy.cfg's public_procedure pattern admits it too.
import type { AppRouter } from "@emporium/catalog/client";

/** "area.name" (or deeper) for every procedure in a tRPC router record. */
type ProcedurePaths<R, P extends string = ""> = {
  [K in keyof R & string]: R[K] extends { _def: { type: "query" | "mutation" | "subscription" } }
    ? `${P}${K}`
    : ProcedurePaths<R[K], `${P}${K}.`>;
}[keyof R & string];

export type CatalogProcedure = ProcedurePaths<AppRouter["_def"]["record"]>;
type StaffProcedure = Extract<CatalogProcedure, `admin.${string}`>;
type PublicProcedure = Exclude<CatalogProcedure, StaffProcedure>;

export const PUBLIC_PROCEDURES = [
  "category.tree",
  "category.byPath",
  "home.get",
  "product.list",
  "product.bySlug",
  "product.variants",
  "search.suggest",
  "sitemap.entries",
] as const satisfies readonly PublicProcedure[];

// Fails to compile when the catalog has a public procedure the list above lacks.
type Unlisted = Exclude<PublicProcedure, (typeof PUBLIC_PROCEDURES)[number]>;
export const everyPublicProcedureListed: [Unlisted] extends [never] ? true : Unlisted = true;

/** Staff procedures the gateway must refuse under /api/trpc (a sample across the staff areas). */
export const STAFF_PROCEDURES = [
  "admin.products.list",
  "admin.products.create",
  "admin.variants.setPrice",
  "admin.media.complete",
] as const satisfies readonly StaffProcedure[];
