// The activity listing's input. Every field is optional; an unknown one is refused by name. Names are
// checked against the shapes the audit contract gives them, so a typo is a 400 rather than an empty page.
import { z } from "zod";
import { AUDIT_ACTION, AUDIT_TARGET_TYPE } from "@emporium/contracts";
import { DEFAULT_PAGE_SIZE, PAGE_SIZE_MAX } from "../../../domain/query";

const instant = z.iso.datetime({
  offset: true,
  error: "must be a date and time such as 2026-03-01T09:30:00Z",
});

export const activityListInput = z
  .strictObject({
    /** The actor's email or its beginning, any case. */
    actor: z
      .string()
      .trim()
      .min(1, "must not be blank")
      .max(320, "must be at most 320 characters")
      .optional(),
    action: z.string().max(80).regex(AUDIT_ACTION, "must look like product.price-changed").optional(),
    targetType: z.string().max(40).regex(AUDIT_TARGET_TYPE, "must look like staff-member").optional(),
    targetId: z.string().min(1, "must not be blank").max(200, "must be at most 200 characters").optional(),
    from: instant.optional(),
    to: instant.optional(),
    cursor: z.string().min(1).max(500, "is not a cursor this service issued").optional(),
    limit: z
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(PAGE_SIZE_MAX, `must be at most ${PAGE_SIZE_MAX}`)
      .default(DEFAULT_PAGE_SIZE),
  })
  .default({ limit: DEFAULT_PAGE_SIZE });

export type ActivityListInput = z.input<typeof activityListInput>;
