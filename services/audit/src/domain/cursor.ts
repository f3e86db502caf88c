// The opaque cursor the activity listing hands out: the (at, id) of a page's last entry, as base64url
// JSON. Anything else — garbage, a forged field, an impossible date — is refused as bad input naming
// `cursor`, never passed to a store.
import { z } from "zod";
import { InvalidInputError } from "@emporium/service-kit/errors";
import type { ActivityCursor } from "./query";

const payload = z.strictObject({
  at: z.iso.datetime().refine((iso) => {
    const t = Date.parse(iso);
    return t >= 0 && t < Date.UTC(10_000, 0, 1) && new Date(t).toISOString() === iso;
  }),
  id: z.uuid(),
});

export function encodeCursor(cursor: ActivityCursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at, id: cursor.id })).toString("base64url");
}

export function decodeCursor(raw: string): ActivityCursor {
  const refused = new InvalidInputError("cursor", "is not a cursor this service issued");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw refused;
  }
  const result = payload.safeParse(parsed);
  if (!result.success) throw refused;
  return result.data;
}
