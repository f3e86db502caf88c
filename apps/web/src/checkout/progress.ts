// Where the shopper is in checkout — her details as typed, the shipping method and the open step —
// kept in a cookie of its own so that a reload, the back button or a second tab resumes there. Never
// the card: its token is asked for again (card numbers never reach this server at all). The cookie is
// httpOnly, scoped to /checkout and kept for a day; placing the order clears it.
import { z } from "zod";
import type { CookieSpec } from "@/session/cookies";
import { DETAIL_FIELDS, EMPTY_DETAILS, type DetailValues } from "./details";
import type { StepId } from "./problems";
import { SHIPPING_METHOD_IDS, type ShippingMethodId } from "./summary";

export const PROGRESS_COOKIE = "emporium_checkout";
export const PROGRESS_PATH = "/checkout";
const PROGRESS_MAX_AGE_SECONDS = 24 * 60 * 60;

export interface CheckoutProgress {
  values: DetailValues;
  method: ShippingMethodId | null;
  step: StepId;
}

const detailValues = z.object(
  Object.fromEntries(DETAIL_FIELDS.map((f) => [f, z.string().max(254)])) as Record<
    (typeof DETAIL_FIELDS)[number],
    z.ZodString
  >,
);

export const progressSchema = z.strictObject({
  values: detailValues,
  method: z.enum(SHIPPING_METHOD_IDS).nullable(),
  step: z.enum(["details", "shipping", "payment", "review"]),
});

export function progressCookie(progress: CheckoutProgress, options: { secure: boolean }): CookieSpec {
  return {
    name: PROGRESS_COOKIE,
    value: Buffer.from(JSON.stringify(progress)).toString("base64url"),
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: PROGRESS_PATH,
    maxAge: PROGRESS_MAX_AGE_SECONDS,
  };
}

/** The progress kept in the cookie, or null when there is none or it is not one we wrote. */
export function progressFrom(value: string | undefined): CheckoutProgress | null {
  if (!value || value.length > 3_000) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = progressSchema.safeParse(json);
  return parsed.success ? { ...parsed.data, values: { ...EMPTY_DETAILS, ...parsed.data.values } } : null;
}
