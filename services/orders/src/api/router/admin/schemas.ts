// Inputs of the staff procedures. Every field names itself in the 400 it causes.
import { z } from "zod";
import { orderStatus } from "@emporium/contracts";
import { SAGA_QUEUES } from "../../../app/operations";
import { email, idempotencyKey, orderId, variantId } from "../schemas";

const page = z
  .number("must be a number")
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(100_000, "must be at most 100000")
  .default(1);
const limit = z
  .number("must be a number")
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(100, "must be at most 100")
  .default(25);
const search = z.string().trim().max(200, "must be at most 200 characters").optional();
/** A day (2026-11-25) or an instant (2026-11-25T10:00:00Z). */
const when = z.union([z.iso.date(), z.iso.datetime({ offset: true })], "must be a date such as 2026-11-25");

export const orderListInput = z
  .strictObject({
    status: orderStatus.optional(),
    q: search,
    /** Placed on or after this day/instant. */
    from: when.optional(),
    /** Placed on or before this day (inclusive), or before this instant. */
    to: when.optional(),
    page,
    limit,
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, { message: "must not be before from", path: ["to"] });

export const orderIdInput = z.strictObject({ orderId });

const reason = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");

export const cancelInput = z.strictObject({ orderId, reason: reason.default("cancelled by the shop") });

const refundLine = z.strictObject({
  variantId,
  quantity: z
    .number("must be a number of units")
    .int("must be a whole number of units")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000"),
});

/**
 * An amount, or units of the order's lines (priced by the service from what they were sold for),
 * optionally put back in stock at one location.
 */
export const refundInput = z
  .strictObject({
    orderId,
    /** Minor units (cents); leave out to refund `lines` instead. */
    amount: z
      .number("must be a number of cents")
      .int("must be a whole number of cents")
      .min(1, "must be at least 1 cent")
      .max(100_000_000, "must be at most 100000000 cents")
      .optional(),
    /** Units of the order's lines (one entry per line); the amount is theirs, as sold. */
    lines: z
      .array(refundLine)
      .min(1, "must name at least one line")
      .max(100, "must name at most 100 lines")
      .optional(),
    /** Put the refunded units back in stock at this location (refunds by line only). */
    restock: z.strictObject({ locationId: z.uuid("must be a stock location id") }).optional(),
    reason: reason.default("refund by the shop"),
    /** Or the Idempotency-Key header: a double-clicked refund is paid once. */
    idempotencyKey: idempotencyKey.optional(),
  })
  .superRefine((i, ctx) => {
    if (i.amount === undefined && !i.lines)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "is required (or name lines to refund)" });
    if (i.amount !== undefined && i.lines)
      ctx.addIssue({
        code: "custom",
        path: ["lines"],
        message:
          "cannot be given with an amount: the amount of a refund by line is worked out from its lines",
      });
    if (i.restock && !i.lines)
      ctx.addIssue({
        code: "custom",
        path: ["restock"],
        message: "needs lines: only refunded units can be restocked",
      });
  });

export const customerListInput = z.strictObject({ q: search, page, limit });

export const customerInput = z.strictObject({ email });

export const SALES_PERIODS = [7, 30, 90] as const;

export const salesInput = z.strictObject({
  days: z
    .number()
    .int()
    .refine(
      (d) => (SALES_PERIODS as readonly number[]).includes(d),
      `must be one of ${SALES_PERIODS.join(", ")}`,
    )
    .default(30),
});

export type OrderListInput = z.infer<typeof orderListInput>;
export type CancelInput = z.infer<typeof cancelInput>;
export type RefundRequest = z.infer<typeof refundInput>;

const sagaQueue = z.enum(SAGA_QUEUES, `must be one of the saga's command queues: ${SAGA_QUEUES.join(", ")}`);

export const deadLettersInput = z
  .strictObject({
    /** The newest this many dead letters of each queue. */
    limit: z
      .number("must be a number")
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(500, "must be at most 500")
      .default(100),
  })
  .default({ limit: 100 });

export const deadLetterActionInput = z.strictObject({
  queue: sagaQueue,
  messageId: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  reason: z.string().trim().max(500, "must be at most 500 characters").optional(),
});
export type DeadLetterActionInput = z.infer<typeof deadLetterActionInput>;

export const stuckOrdersInput = z
  .strictObject({
    /** Orders placed longer ago than this; the service's own threshold when not given. */
    olderThanMinutes: z
      .number("must be a number of minutes")
      .int("must be a whole number of minutes")
      .min(0, "must be at least 0")
      .max(43_200, "must be at most 43200 (30 days)")
      .optional(),
    limit,
  })
  .default({ limit: 25 });

export const retryStepInput = z.strictObject({
  orderId,
  reason: z.string().trim().max(500, "must be at most 500 characters").optional(),
});
