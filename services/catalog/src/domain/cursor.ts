// Opaque pagination cursors. Keyset cursors carry the sort key and id of the row at the page edge;
// relevance order (a float rank) and rating order (a nullable average) page by offset instead. A cursor only works with the sort order it
// was made for, and anything tampered with is refused as bad input rather than crashing a query.
// A keyset cursor also carries `at`, the position of the first row of the page it opens, so that page
// can say "25–48 of 352" without counting the rows before it. It is a label, not a query input: rows
// added or removed while the shopper pages make it off by that many until she starts again, which a
// keyset page itself never is (no row is skipped or repeated).
import { z } from "zod";
import { InvalidInputError } from "@emporium/service-kit/errors";
import { MAX_OFFSET } from "./paging";
import type { SortOrder } from "./types";

// A forged key must be refused here, not by the database: prices are stored as 32-bit cents, and
// PostgreSQL refuses dates such as year 0 that JavaScript accepts.
const MAX_PRICE = 2_147_483_647;
const withinStoredDates = (iso: string) => {
  const t = Date.parse(iso);
  return t >= 0 && t < Date.UTC(10_000, 0, 1);
};

const payload = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("key"),
    sort: z.enum(["newest", "price_asc", "price_desc"]),
    direction: z.enum(["after", "before"]),
    key: z.union([z.number().int().min(0).max(MAX_PRICE), z.iso.datetime().refine(withinStoredDates)]),
    id: z.uuid(),
    at: z.number().int().min(0).optional(),
  }),
  z.object({
    kind: z.literal("offset"),
    sort: z.enum(["relevance", "rating"]),
    offset: z.number().int().min(0).max(MAX_OFFSET),
  }),
]);

export type Cursor = z.infer<typeof payload>;
export type KeyCursor = Extract<Cursor, { kind: "key" }>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(raw: string, sort: SortOrder): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw new InvalidInputError("cursor", "is not a cursor this catalog issued");
  }
  const result = payload.safeParse(parsed);
  if (!result.success) throw new InvalidInputError("cursor", "is not a cursor this catalog issued");
  if (result.data.sort !== sort)
    throw new InvalidInputError("cursor", `belongs to sort order "${result.data.sort}", not "${sort}"`);
  if (result.data.kind === "key") {
    const wantsDate = sort === "newest";
    if (wantsDate !== (typeof result.data.key === "string"))
      throw new InvalidInputError("cursor", "is not a cursor this catalog issued");
  }
  return result.data;
}
