// The staff API's storage on PostgreSQL/PGlite. An adjustment locks the variant's stock rows in the
// same fixed order the reservations use (variant, then location), so adjustments and reservations of
// one variant run one at a time without deadlocking and the total announced to the catalog is the
// committed one; the UPDATE repeats the "never below reserved" rule as its own guard. Each change
// writes its audit event with its other outbox rows, from the figures it read under those locks.
import { createHash, randomUUID } from "node:crypto";
import type { AuditScope } from "@emporium/contracts";
import { prismaSession, type Database, type Prisma } from "@emporium/db";
import { auditMessage, claimMessage, enqueue } from "@emporium/messaging";
import { isLow, planAdjustment, type AdjustmentReason } from "../../domain/adjustment";
import { stockAdjusted, thresholdChanged } from "../../domain/audit-records";
import { planLevels, type LevelCell } from "../../domain/stock-levels";
import { ConflictError, InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import type {
  AdjustmentResult,
  LocationStock,
  LowStockPage,
  StockAdjustmentView,
  StockLocation,
  StockOverview,
  VariantStock,
} from "../../domain/types";
import type { AdjustStock, SetLevels, SetLevelsResult, StockAdminStore } from "../../ports/stock-admin-store";
import { stockChanged } from "./reservations";

type Tx = Prisma.TransactionClient;

interface LevelRow {
  location_id: string;
  variant_id: string;
  sku: string;
  on_hand: number;
  reserved: number;
  available: number;
  low_stock_threshold: number;
}

interface AdjustmentRow {
  id: string;
  variant_id: string;
  sku: string;
  location_id: string;
  location_name: string;
  delta: number;
  on_hand_after: number;
  reason: AdjustmentReason;
  note: string | null;
  actor_email: string;
  created_at: Date;
}

const levelOf = (r: LevelRow): LocationStock => ({
  locationId: r.location_id,
  stocked: true,
  onHand: r.on_hand,
  reserved: r.reserved,
  available: r.available,
  lowStockThreshold: r.low_stock_threshold,
  low: isLow(r.available, r.low_stock_threshold),
});

const adjustmentOf = (r: AdjustmentRow): StockAdjustmentView => ({
  id: r.id,
  variantId: r.variant_id,
  sku: r.sku,
  locationId: r.location_id,
  locationName: r.location_name,
  delta: r.delta,
  onHandAfter: r.on_hand_after,
  reason: r.reason,
  note: r.note,
  by: r.actor_email,
  at: r.created_at.toISOString(),
});

// Prisma's interactive transactions give up after 5 s by default; a staff change may wait about that
// long for the row locks the reservations hold.
const TX_OPTIONS = { timeout: 30_000, maxWait: 30_000 } as const;

export class PrismaStockAdminStore implements StockAdminStore {
  constructor(private readonly db: Database) {}

  locations(): Promise<StockLocation[]> {
    return this.db.prisma.location.findMany({
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, country: true },
    });
  }

  async overview(variantIds: readonly string[], historyLimit: number): Promise<StockOverview> {
    const ids = [...new Set(variantIds)];
    const [locations, levels, adjustments] = await Promise.all([
      this.locations(),
      this.db.prisma.$queryRaw<LevelRow[]>`
        SELECT location_id, variant_id, sku, on_hand, reserved, available, low_stock_threshold
          FROM inventory.stock_levels WHERE variant_id = ANY(${ids}::uuid[])`,
      this.history(ids, historyLimit),
    ]);
    const variants: VariantStock[] = [];
    for (const variantId of ids) {
      const own = levels.filter((l) => l.variant_id === variantId);
      const first = own[0];
      if (!first) continue;
      const perLocation = locations.map((loc): LocationStock => {
        const row = own.find((l) => l.location_id === loc.id);
        return row
          ? levelOf(row)
          : {
              locationId: loc.id,
              stocked: false,
              onHand: 0,
              reserved: 0,
              available: 0,
              lowStockThreshold: 0,
              low: false,
            };
      });
      const sum = (pick: (l: LevelRow) => number) => own.reduce((n, l) => n + pick(l), 0);
      const available = sum((l) => l.available);
      const threshold = sum((l) => l.low_stock_threshold);
      variants.push({
        variantId,
        sku: first.sku,
        onHand: sum((l) => l.on_hand),
        reserved: sum((l) => l.reserved),
        available,
        lowStockThreshold: threshold,
        low: isLow(available, threshold),
        locations: perLocation,
      });
    }
    return { locations, variants, adjustments };
  }

  private async history(variantIds: readonly string[], limit: number): Promise<StockAdjustmentView[]> {
    if (limit === 0) return [];
    const rows = await this.db.prisma.$queryRaw<AdjustmentRow[]>`
      SELECT a.id, a.variant_id, s.sku, a.location_id, l.name AS location_name, a.delta, a.on_hand_after,
             a.reason::text AS reason, a.note, a.actor_email, a.created_at
        FROM inventory.stock_adjustments a
        JOIN inventory.stock_levels s ON s.location_id = a.location_id AND s.variant_id = a.variant_id
        JOIN inventory.locations l ON l.id = a.location_id
       WHERE a.variant_id = ANY(${[...variantIds]}::uuid[])
       ORDER BY a.created_at DESC, a.id DESC
       LIMIT ${limit}`;
    return rows.map(adjustmentOf);
  }

  async adjust(input: AdjustStock): Promise<AdjustmentResult> {
    const { actor, traceparent } = input.audit;
    return this.db.prisma.$transaction(async (tx) => {
      const levels = await lockVariant(tx, input.variantId);
      const location = await findLocation(tx, input.locationId);
      const stocked = levels.find((l) => l.location_id === input.locationId);
      const level = stocked ?? (await openLevel(tx, levels, input.locationId));
      const plan = planAdjustment(
        { onHand: level.on_hand, reserved: level.reserved, available: level.available },
        input.change,
        input.reason,
      );
      if (!plan.ok) throw new InvalidInputError(plan.field, plan.detail);
      // The guard itself: under the row lock it always matches; without it, it would still refuse.
      const updated = await tx.$queryRaw<LevelRow[]>`
        UPDATE inventory.stock_levels
           SET on_hand = on_hand + ${plan.delta}, available = available + ${plan.delta}, updated_at = now()
         WHERE location_id = ${input.locationId}::uuid AND variant_id = ${input.variantId}::uuid
           AND on_hand + ${plan.delta} >= reserved AND available + ${plan.delta} >= 0
        RETURNING location_id, variant_id, sku, on_hand, reserved, available, low_stock_threshold`;
      const after = updated[0];
      if (!after)
        throw new InvalidInputError(
          "delta" in input.change ? "delta" : "onHand",
          "the stock changed while saving; reload and try again",
        );
      const id = randomUUID();
      const created = await tx.stockAdjustment.create({
        data: {
          id,
          locationId: input.locationId,
          variantId: input.variantId,
          delta: plan.delta,
          onHandAfter: after.on_hand,
          reason: input.reason,
          note: input.note,
          actorId: actor.userId,
          actorEmail: actor.email,
        },
        select: { createdAt: true },
      });
      const sql = prismaSession(tx);
      const audited = stockAdjusted(
        {
          variantId: input.variantId,
          sku: after.sku,
          locationId: input.locationId,
          locationName: location.name,
        },
        stocked ? { onHand: stocked.on_hand, available: stocked.available } : null,
        { onHand: after.on_hand, available: after.available },
        input,
      );
      await enqueue(sql, "inventory", [
        // The catalog's read model (variant.available, product.in_stock) follows through the outbox.
        ...(plan.delta !== 0 ? await stockChanged(sql, [input.variantId], traceparent) : []),
        auditMessage(input.audit, audited),
      ]);
      return {
        level: levelOf(after),
        adjustment: adjustmentOf({
          id,
          variant_id: input.variantId,
          sku: after.sku,
          location_id: input.locationId,
          location_name: location.name,
          delta: plan.delta,
          on_hand_after: after.on_hand,
          reason: input.reason,
          note: input.note,
          actor_email: actor.email,
          created_at: created.createdAt,
        }),
      };
    }, TX_OPTIONS);
  }

  async setLevels(input: SetLevels): Promise<SetLevelsResult> {
    const { actor, traceparent } = input.audit;
    // The key is the staff member's own; the request's digest beside it tells a replay from a reuse.
    const claim = `stock.set-levels:${actor.userId}:${input.idempotencyKey}`;
    const digest = createHash("sha256")
      .update(JSON.stringify({ note: input.note, variants: input.variants }))
      .digest("hex");
    const cells = input.variants.flatMap((v, i) =>
      v.locations.map((l, j) => ({
        ...l,
        variantId: v.variantId,
        sku: v.sku,
        at: `variants.${i}.locations.${j}`,
      })),
    );
    const variantIds = input.variants.map((v) => v.variantId);
    return this.db.prisma.$transaction(async (tx) => {
      const sql = prismaSession(tx);
      if (!(await claimMessage(sql, "inventory", claim))) {
        const same = await sql.query(
          "SELECT 1 AS same FROM inventory.processed_messages WHERE message_id = $1",
          [`${claim}#${digest}`],
        );
        if (same.length === 0)
          throw new ConflictError(
            "This save was already made with other figures; reload the page and save again",
          );
        return { changed: 0, replayed: true, levels: await currentLevels(tx, variantIds, cells) };
      }
      await claimMessage(sql, "inventory", `${claim}#${digest}`);

      const locations = await tx.location.findMany({
        where: { id: { in: [...new Set(cells.map((c) => c.locationId))] } },
        select: { id: true, name: true },
      });
      const nameOf = new Map(locations.map((l) => [l.id, l.name]));
      const unknown = cells.find((c) => !nameOf.has(c.locationId));
      if (unknown) throw new InvalidInputError(`${unknown.at}.locationId`, "no such stock location");

      // Locks first, in the reservations' order; then the levels this save opens.
      const locked = await tx.$queryRaw<LevelRow[]>`
        SELECT location_id, variant_id, sku, on_hand, reserved, available, low_stock_threshold
          FROM inventory.stock_levels WHERE variant_id = ANY(${variantIds}::uuid[])
         ORDER BY variant_id, location_id FOR UPDATE`;
      const key = (variantId: string, locationId: string) => `${variantId}@${locationId}`;
      const levels = new Map(locked.map((r) => [key(r.variant_id, r.location_id), r]));
      const skuOf = new Map(locked.map((r) => [r.variant_id, r.sku]));
      const missing = cells
        .filter((c) => !levels.has(key(c.variantId, c.locationId)))
        .map((c) => ({
          locationId: c.locationId,
          variantId: c.variantId,
          sku: skuOf.get(c.variantId) ?? c.sku,
        }));
      if (missing.length > 0) {
        const opened = await tx.$queryRaw<LevelRow[]>`
          INSERT INTO inventory.stock_levels (location_id, variant_id, sku, on_hand, reserved, available, updated_at)
          SELECT m."locationId", m."variantId", m.sku, 0, 0, 0, now()
            FROM json_to_recordset(${JSON.stringify(missing)}::json) AS m("locationId" uuid, "variantId" uuid, sku text)
          ON CONFLICT (location_id, variant_id) DO NOTHING
          RETURNING location_id, variant_id, sku, on_hand, reserved, available, low_stock_threshold`;
        for (const r of opened) levels.set(key(r.variant_id, r.location_id), r);
      }

      const planned: LevelCell[] = cells.map((c) => {
        const level = levels.get(key(c.variantId, c.locationId));
        if (!level)
          throw new Error(`stock level ${key(c.variantId, c.locationId)} neither locked nor opened`);
        return {
          field: `${c.at}.onHand`,
          variantId: c.variantId,
          sku: level.sku,
          locationId: c.locationId,
          locationName: nameOf.get(c.locationId) ?? c.locationId,
          onHand: c.onHand,
          current: { onHand: level.on_hand, reserved: level.reserved, available: level.available },
        };
      });
      const plan = planLevels(planned);
      if (!plan.ok) throw new InvalidInputError(plan.field, plan.detail);
      if (plan.changes.length === 0)
        return { changed: 0, replayed: false, levels: await currentLevels(tx, variantIds, cells) };

      const updated = await tx.$queryRaw<LevelRow[]>`
        UPDATE inventory.stock_levels s
           SET on_hand = s.on_hand + c.delta, available = s.available + c.delta, updated_at = now()
          FROM json_to_recordset(${JSON.stringify(plan.changes)}::json)
               AS c("locationId" uuid, "variantId" uuid, delta int)
         WHERE s.location_id = c."locationId" AND s.variant_id = c."variantId"
           AND s.on_hand + c.delta >= s.reserved AND s.available + c.delta >= 0
        RETURNING s.location_id, s.variant_id, s.sku, s.on_hand, s.reserved, s.available, s.low_stock_threshold`;
      // Under the row locks every guard matches; a shortfall means the figures moved under us.
      if (updated.length !== plan.changes.length)
        throw new ConflictError("The stock changed while saving; reload the page and try again");
      await tx.stockAdjustment.createMany({
        data: plan.changes.map((c) => ({
          id: randomUUID(),
          locationId: c.locationId,
          variantId: c.variantId,
          delta: c.delta,
          onHandAfter: c.onHandAfter,
          reason: "recount" as const,
          note: input.note,
          actorId: actor.userId,
          actorEmail: actor.email,
        })),
      });
      const audits = updated.map((after) => {
        const before = locked.find(
          (r) => r.variant_id === after.variant_id && r.location_id === after.location_id,
        );
        return auditMessage(
          input.audit,
          stockAdjusted(
            {
              variantId: after.variant_id,
              sku: after.sku,
              locationId: after.location_id,
              locationName: nameOf.get(after.location_id) ?? after.location_id,
            },
            before ? { onHand: before.on_hand, available: before.available } : null,
            { onHand: after.on_hand, available: after.available },
            { reason: "recount", note: input.note },
          ),
        );
      });
      await enqueue(sql, "inventory", [
        ...(await stockChanged(sql, [...new Set(plan.changes.map((c) => c.variantId))], traceparent)),
        ...audits,
      ]);
      return {
        changed: plan.changes.length,
        replayed: false,
        levels: await currentLevels(tx, variantIds, cells),
      };
    }, TX_OPTIONS);
  }

  async setThreshold(
    variantId: string,
    locationId: string,
    threshold: number,
    audit: AuditScope,
  ): Promise<LocationStock> {
    return this.db.prisma.$transaction(async (tx) => {
      const levels = await lockVariant(tx, variantId);
      const location = await findLocation(tx, locationId);
      const stocked = levels.find((l) => l.location_id === locationId);
      if (!stocked) await openLevel(tx, levels, locationId);
      const rows = await tx.$queryRaw<LevelRow[]>`
        UPDATE inventory.stock_levels SET low_stock_threshold = ${threshold}, updated_at = now()
         WHERE location_id = ${locationId}::uuid AND variant_id = ${variantId}::uuid
        RETURNING location_id, variant_id, sku, on_hand, reserved, available, low_stock_threshold`;
      const row = rows[0];
      if (!row) throw new NotFoundError("locationId: the stock level disappeared while saving", "locationId");
      const audited = thresholdChanged(
        { variantId, sku: row.sku, locationId, locationName: location.name },
        stocked ? stocked.low_stock_threshold : null,
        row.low_stock_threshold,
      );
      await enqueue(prismaSession(tx), "inventory", [auditMessage(audit, audited)]);
      return levelOf(row);
    }, TX_OPTIONS);
  }

  async low(page: number, limit: number): Promise<LowStockPage> {
    const rows = await this.db.prisma.$queryRaw<
      {
        variant_id: string;
        sku: string;
        on_hand: number;
        reserved: number;
        available: number;
        threshold: number;
        locations: number;
        total: bigint;
      }[]
    >`
      WITH totals AS (
        SELECT variant_id, min(sku) AS sku, sum(on_hand)::int AS on_hand, sum(reserved)::int AS reserved,
               sum(available)::int AS available, sum(low_stock_threshold)::int AS threshold,
               count(*)::int AS locations
          FROM inventory.stock_levels GROUP BY variant_id
      )
      SELECT *, count(*) OVER () AS total FROM totals
       WHERE available <= threshold
       ORDER BY available, sku, variant_id
       LIMIT ${limit} OFFSET ${(page - 1) * limit}`;
    const total =
      rows[0] !== undefined
        ? Number(rows[0].total)
        : page === 1
          ? 0
          : // A page past the end: count separately so the caller can still show "page x of y".
            await this.countLow();
    return {
      items: rows.map((r) => ({
        variantId: r.variant_id,
        sku: r.sku,
        onHand: r.on_hand,
        reserved: r.reserved,
        available: r.available,
        lowStockThreshold: r.threshold,
        locations: r.locations,
      })),
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / limit)),
    };
  }

  private async countLow(): Promise<number> {
    const [row] = await this.db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM inventory.stock_levels GROUP BY variant_id
        HAVING sum(available) <= sum(low_stock_threshold)) low`;
    return row?.n ?? 0;
  }
}

/** The figures of the levels a batch named, in its order. */
async function currentLevels(
  tx: Tx,
  variantIds: readonly string[],
  cells: readonly { variantId: string; locationId: string }[],
): Promise<SetLevelsResult["levels"]> {
  const rows = await tx.$queryRaw<LevelRow[]>`
    SELECT location_id, variant_id, sku, on_hand, reserved, available, low_stock_threshold
      FROM inventory.stock_levels WHERE variant_id = ANY(${[...variantIds]}::uuid[])`;
  return cells.flatMap((c) => {
    const r = rows.find((row) => row.variant_id === c.variantId && row.location_id === c.locationId);
    return r
      ? [
          {
            variantId: c.variantId,
            locationId: c.locationId,
            onHand: r.on_hand,
            reserved: r.reserved,
            available: r.available,
          },
        ]
      : [];
  });
}

/** All of a variant's stock rows, locked in the reservations' order; the variant must be known. */
async function lockVariant(tx: Tx, variantId: string): Promise<LevelRow[]> {
  const rows = await tx.$queryRaw<LevelRow[]>`
    SELECT location_id, variant_id, sku, on_hand, reserved, available, low_stock_threshold
      FROM inventory.stock_levels WHERE variant_id = ${variantId}::uuid
     ORDER BY variant_id, location_id FOR UPDATE`;
  if (rows.length === 0)
    throw new NotFoundError("variantId: the inventory keeps no stock for this variant", "variantId");
  return rows;
}

async function findLocation(tx: Tx, locationId: string): Promise<StockLocation> {
  const location = await tx.location.findUnique({
    where: { id: locationId },
    select: { id: true, code: true, name: true, country: true },
  });
  if (!location) throw new NotFoundError("locationId: no such stock location", "locationId");
  return location;
}

/**
 * A level at a location that did not stock the variant yet, at zero with the column's default
 * threshold (stock is received into it next). `known` holds the variant's locked levels elsewhere.
 */
async function openLevel(tx: Tx, known: readonly LevelRow[], locationId: string): Promise<LevelRow> {
  const [model] = known;
  if (!model) throw new Error("a level is opened only for a variant with stock elsewhere");
  const rows = await tx.$queryRaw<LevelRow[]>`
    INSERT INTO inventory.stock_levels (location_id, variant_id, sku, on_hand, reserved, available, updated_at)
    VALUES (${locationId}::uuid, ${model.variant_id}::uuid, ${model.sku}, 0, 0, 0, now())
    RETURNING location_id, variant_id, sku, on_hand, reserved, available, low_stock_threshold`;
  const row = rows[0];
  if (!row) throw new Error("opening a stock level returned no row");
  return row;
}
