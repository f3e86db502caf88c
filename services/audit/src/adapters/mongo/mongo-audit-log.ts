// The staff audit log in MongoDB: one document per staff action, `_id` = the event's id, written once
// with insertOne and never touched again (this adapter issues no update, replace or delete; the port has
// none). A redelivered event meets the _id's uniqueness and is answered "duplicate". Each filter the
// admin offers has an index ending in (at, _id), the listing's order, so a page is one index walk.
// Only operators mongo-java-server (CI's stand-in) and MongoDB share are used: insertOne, find with
// $and/$or/$lt/$gte/$lte/$regex (anchored), sort, limit, distinct.
import type { Collection, Filter, IndexDescription } from "mongodb";
import { isDuplicateKey, MongoConnection, type MongoOptions } from "@emporium/mongo";
import type { AuditEntry } from "../../domain/entry";
import { pageOf, type ActivityFilter, type ActivityPage, type ActivityPageRequest } from "../../domain/query";
import type { AuditLog } from "../../ports/audit-log";

export const UNAVAILABLE_MESSAGE =
  "The activity log is unavailable right now; please try again in a few minutes";

export const STAFF_ACTIONS = "staff_actions";

/** Every listing is newest first and then by _id: each index ends in the same two keys. */
export const INDEXES: IndexDescription[] = [
  { key: { at: -1, _id: -1 }, name: "newest" },
  { key: { actorKey: 1, at: -1, _id: -1 }, name: "by_actor" },
  { key: { action: 1, at: -1, _id: -1 }, name: "by_action" },
  { key: { "target.type": 1, "target.id": 1, at: -1, _id: -1 }, name: "by_target" },
];

interface StaffActionDoc {
  _id: string;
  at: Date;
  service: string;
  actor: AuditEntry["actor"];
  /** The actor's email in lower case: what the actor filter matches (by prefix, on the index). */
  actorKey: string;
  action: string;
  target: AuditEntry["target"];
  changes: AuditEntry["changes"];
  reason?: string;
  requestId: string;
  traceId?: string;
  /** When this service stored it (the change itself was made at `at`). */
  storedAt: Date;
}

function docOf(e: AuditEntry, storedAt: Date): StaffActionDoc {
  // No key is ever set to undefined: the driver would store it as null.
  return {
    _id: e.id,
    at: new Date(e.at),
    service: e.service,
    actor: { userId: e.actor.userId, email: e.actor.email, role: e.actor.role },
    actorKey: e.actor.email.toLowerCase(),
    action: e.action,
    target: {
      type: e.target.type,
      id: e.target.id,
      ...(e.target.label !== undefined ? { label: e.target.label } : {}),
    },
    changes: e.changes.map((c) => ({ field: c.field, before: c.before, after: c.after })),
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    requestId: e.requestId,
    ...(e.traceId !== undefined ? { traceId: e.traceId } : {}),
    storedAt,
  };
}

function entryOf(d: StaffActionDoc): AuditEntry {
  return {
    id: d._id,
    at: d.at.toISOString(),
    service: d.service,
    actor: { userId: d.actor.userId, email: d.actor.email, role: d.actor.role },
    action: d.action,
    target: {
      type: d.target.type,
      id: d.target.id,
      ...(typeof d.target.label === "string" ? { label: d.target.label } : {}),
    },
    changes: d.changes.map((c) => ({ field: c.field, before: c.before, after: c.after })),
    ...(typeof d.reason === "string" ? { reason: d.reason } : {}),
    requestId: d.requestId,
    ...(typeof d.traceId === "string" ? { traceId: d.traceId } : {}),
  };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The query for `filter` after `page.after`: the rules of domain/query.ts (matches, comesAfter). */
function queryOf(filter: ActivityFilter, page: ActivityPageRequest): Filter<StaffActionDoc> {
  const all: Filter<StaffActionDoc>[] = [];
  if (filter.actor !== undefined)
    all.push({ actorKey: { $regex: `^${escapeRegex(filter.actor.toLowerCase())}` } });
  if (filter.action !== undefined) all.push({ action: filter.action });
  if (filter.targetType !== undefined) all.push({ "target.type": filter.targetType });
  if (filter.targetId !== undefined) all.push({ "target.id": filter.targetId });
  if (filter.from !== undefined) all.push({ at: { $gte: new Date(filter.from) } });
  if (filter.to !== undefined) all.push({ at: { $lte: new Date(filter.to) } });
  if (page.after !== null) {
    const at = new Date(page.after.at);
    all.push({ $or: [{ at: { $lt: at } }, { at, _id: { $lt: page.after.id } }] });
  }
  return all.length > 0 ? { $and: all } : {};
}

export class MongoAuditLog implements AuditLog {
  private readonly mongo: MongoConnection;
  private readonly collection: Collection<StaffActionDoc>;

  constructor(options: MongoOptions) {
    this.mongo = new MongoConnection(options, {
      appName: "emporium-audit",
      indexes: { [STAFF_ACTIONS]: INDEXES },
      unavailableMessage: UNAVAILABLE_MESSAGE,
      outageMeaning: "staff actions wait on the event bus and activity answers 503 until it is back",
    });
    this.collection = this.mongo.db.collection<StaffActionDoc>(STAFF_ACTIONS);
  }

  get description(): string {
    return this.mongo.description;
  }

  append(entry: AuditEntry): Promise<"stored" | "duplicate"> {
    return this.mongo.run(async () => {
      try {
        await this.collection.insertOne(docOf(entry, new Date()));
        return "stored";
      } catch (err) {
        if (isDuplicateKey(err)) return "duplicate";
        throw err;
      }
    });
  }

  list(filter: ActivityFilter, page: ActivityPageRequest): Promise<ActivityPage> {
    return this.mongo.run(async () => {
      const docs = await this.collection
        .find(queryOf(filter, page))
        .sort({ at: -1, _id: -1 })
        .limit(page.limit + 1)
        .toArray();
      return pageOf(docs.map(entryOf), page.limit);
    });
  }

  actions(): Promise<string[]> {
    return this.mongo.run(async () => (await this.collection.distinct("action")).sort());
  }

  ping(): Promise<void> {
    return this.mongo.ping();
  }

  close(): Promise<void> {
    return this.mongo.close();
  }
}
