// The staff audit log's catalog half, on PGlite and on real PostgreSQL: every staff change writes exactly
// one audit.staff-action.v1 event into the catalog's outbox, in the change's own transaction — naming the
// staff member, the action, the target and exactly the fields that changed with their values before and
// after, and the request it came in — and a change that is refused or fails writes none.
//
// A change that changes nothing (an edit saved as it was, a status set to the one it has) still writes
// its one event, with an empty list of changes: the log says who tried what, and "every successful staff
// mutation writes one event" stays true without exceptions for the audit service to guess at.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import {
  readMessage,
  staffActionV1,
  TOPICS,
  type AuditChange,
  type Envelope,
  type StaffAction,
} from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import { mutationPaths, refusal, soleStaffAction, unwritableAuditScope } from "@emporium/service-kit/testing";
import { ZodError } from "zod";
import { appRouter } from "../src/api/router/_app";
import { CATALOG_AUDIT_ACTIONS } from "../src/domain/audit-records";
import { createCatalogFixture, type CatalogFixture } from "./fixture";
import { stageImage } from "./media-walk";

const manager = TEST_PRINCIPALS.manager as Extract<Principal, { kind: "staff" }>;
const owner = TEST_PRINCIPALS.owner as Extract<Principal, { kind: "staff" }>;
const support = TEST_PRINCIPALS.support as Principal;

/** Staff mutations that change nothing of the shop, so write no audit event (see the media router). */
const NOT_AUDITED = ["admin.media.createUpload"];
/** The action each audited mutation records; a new staff mutation must be added here (and tested). */
const AUDITED: Record<string, string> = {
  "admin.products.create": CATALOG_AUDIT_ACTIONS.productCreated,
  "admin.products.import": CATALOG_AUDIT_ACTIONS.productImported,
  "admin.products.update": CATALOG_AUDIT_ACTIONS.productUpdated,
  "admin.products.setStatus": CATALOG_AUDIT_ACTIONS.productStatusChanged,
  "admin.variants.create": CATALOG_AUDIT_ACTIONS.variantCreated,
  "admin.variants.setPrice": CATALOG_AUDIT_ACTIONS.variantPriceChanged,
  "admin.media.complete": CATALOG_AUDIT_ACTIONS.mediaAdded,
  "admin.media.remove": CATALOG_AUDIT_ACTIONS.mediaRemoved,
  "admin.media.reorder": CATALOG_AUDIT_ACTIONS.mediaReordered,
  "admin.media.setAlt": CATALOG_AUDIT_ACTIONS.mediaAltChanged,
};

describe.each(testDatabaseTargets("catalog audit events"))("catalog audit events on $name", (target) => {
  let f: CatalogFixture;
  let requests = 0;
  /** A caller in a request of its own, whose id the audit event must carry. */
  const as = (principal: Principal = manager) => {
    const requestId = `audit-${++requests}`;
    return { requestId, caller: f.callerAs(principal, requestId) };
  };

  beforeAll(async () => {
    f = await createCatalogFixture(target, { products: 12 });
  });
  afterAll(() => f?.dispose());

  async function lastSeq(): Promise<bigint> {
    const last = await f.db.prisma.catalogOutbox.aggregate({ _max: { seq: true } });
    return last._max.seq ?? 0n;
  }

  /** Runs `call` and returns what it answered and the audit events it wrote (checked against the contract). */
  async function audited<T>(call: () => Promise<T>): Promise<{ result: T; events: StaffAction[] }> {
    const from = await lastSeq();
    const result = await call();
    const rows = await f.db.prisma.catalogOutbox.findMany({
      where: { seq: { gt: from }, topic: TOPICS.audit },
      orderBy: { seq: "asc" },
    });
    const events = rows.map((row) => {
      const envelope = readMessage(row.payload as unknown as Envelope, staffActionV1);
      expect(row).toMatchObject({ kind: "event", type: staffActionV1.type, id: envelope.id });
      expect(row.aggregateId).toBe(`${envelope.data.target.type}:${envelope.data.target.id}`);
      return envelope.data;
    });
    return { result, events };
  }

  /** Runs a call that must be refused; returns the refusal after checking it wrote no outbox row at all. */
  async function refusedWithoutTrace(call: () => Promise<unknown>) {
    const from = await lastSeq();
    const err = await refusal(call());
    expect(await f.db.prisma.catalogOutbox.count({ where: { seq: { gt: from } } }), err.message).toBe(0);
    return err;
  }

  /** The one event a call wrote, as the given staff member in the given request. */
  const only = (events: StaffAction[], requestId: string, staff = manager) =>
    soleStaffAction(events, { service: "catalog", staff, requestId });

  const change = (field: string, before: AuditChange["before"], after: AuditChange["after"]) => ({
    field,
    before,
    after,
  });

  async function reference() {
    const ref = await as().caller.admin.products.reference();
    const [brand, otherBrand] = ref.brands;
    const [leaf, other] = ref.categories.filter((c) => c.depth === 2);
    const attribute = ref.attributes[0];
    const value = attribute?.values[0];
    if (!brand || !otherBrand || !leaf || !other || !attribute || !value)
      throw new Error("the seeded shop has brands, categories and attributes");
    return { brand, otherBrand, leaf, other, attribute, value };
  }

  it("covers every staff mutation the router has", () => {
    const mutations = mutationPaths(appRouter, "admin.");
    expect(mutations).toEqual([...Object.keys(AUDITED), ...NOT_AUDITED].sort());
    expect(Object.values(AUDITED).sort()).toEqual(Object.values(CATALOG_AUDIT_ACTIONS).sort());
  });

  it("records a product's creation, edits and status changes with exactly the fields changed", async () => {
    const { brand, otherBrand, leaf, other, attribute, value } = await reference();
    const create = as();
    const { result: created, events } = await audited(() =>
      create.caller.admin.products.create({
        title: "Audit Linen Overshirt",
        description: "Washed linen.",
        brandId: brand.id,
        categoryIds: [leaf.id, other.id],
        attributeValueIds: [value.id],
        status: "DRAFT",
        currency: "USD",
        price: 8900,
        skuPrefix: "AUDIT-SHIRT",
        options: [
          { name: "Colour", values: ["Sea Green", "Sand"] },
          { name: "Size", values: ["S", "M"] },
        ],
      }),
    );
    const made = only(events, create.requestId);
    expect(made.action).toBe("product.created");
    expect(made.target).toEqual({ type: "product", id: created.id, label: "Audit Linen Overshirt" });
    expect(made.changes).toEqual([
      change("title", null, "Audit Linen Overshirt"),
      change("description", null, "Washed linen."),
      change("status", null, "DRAFT"),
      change("brand", null, brand.name),
      change("categories", null, [leaf.path, other.path]),
      change("attributes", null, [`${attribute.name}: ${value.value}`]),
      change("slug", null, "audit-linen-overshirt"),
      change("currency", null, "USD"),
      change("priceCents", null, 8900),
      change("options", null, ["Colour: Sea Green | Sand", "Size: S | M"]),
      change("skus", null, [
        "AUDIT-SHIRT-SEA-GREEN-S",
        "AUDIT-SHIRT-SEA-GREEN-M",
        "AUDIT-SHIRT-SAND-S",
        "AUDIT-SHIRT-SAND-M",
      ]),
    ]);
    // The variants' announcement to inventory is still written beside it.
    expect(
      await f.db.prisma.catalogOutbox.count({
        where: { aggregateId: created.id, type: "catalog.variants-added.v1" },
      }),
    ).toBe(1);

    // An edit: only what differs, the primary category first; the label is the new title.
    const edit = as();
    const details = {
      id: created.id,
      title: "Audit Linen Overshirt (Relaxed)",
      description: "Washed linen.",
      brandId: otherBrand.id,
      categoryIds: [other.id, leaf.id],
      attributeValueIds: [value.id],
    };
    const edited = only(
      (await audited(() => edit.caller.admin.products.update(details))).events,
      edit.requestId,
    );
    expect(edited).toMatchObject({
      action: "product.updated",
      target: { type: "product", id: created.id, label: "Audit Linen Overshirt (Relaxed)" },
    });
    expect(edited.changes).toEqual([
      change("title", "Audit Linen Overshirt", "Audit Linen Overshirt (Relaxed)"),
      change("brand", brand.name, otherBrand.name),
      change("categories", [leaf.path, other.path], [other.path, leaf.path]),
    ]);

    // Saved as it was: one event, nothing changed.
    const again = as();
    const unchanged = only(
      (await audited(() => again.caller.admin.products.update(details))).events,
      again.requestId,
    );
    expect(unchanged).toMatchObject({ action: "product.updated", changes: [] });

    // Emptying lists and the brand, and a long description (clipped by the contract's builder).
    const clear = as();
    const cleared = only(
      (
        await audited(() =>
          clear.caller.admin.products.update({
            ...details,
            description: "y".repeat(4000),
            brandId: null,
            categoryIds: [],
            attributeValueIds: [],
          }),
        )
      ).events,
      clear.requestId,
    );
    expect(cleared.changes.map((c) => [c.field, c.after])).toEqual([
      ["description", expect.stringMatching(/^y{2000}… \(4000 characters in all\)$/)],
      ["brand", null],
      ["categories", []],
      ["attributes", []],
    ]);

    // Publishing (the owner this time), then the same status again.
    const publish = as(owner);
    const published = only(
      (await audited(() => publish.caller.admin.products.setStatus({ id: created.id, status: "PUBLISHED" })))
        .events,
      publish.requestId,
      owner,
    );
    expect(published).toMatchObject({
      action: "product.status-changed",
      target: { type: "product", id: created.id, label: "Audit Linen Overshirt (Relaxed)" },
      changes: [change("status", "DRAFT", "PUBLISHED")],
    });
    const same = as();
    const { events: sameEvents } = await audited(() =>
      same.caller.admin.products.setStatus({ id: created.id, status: "PUBLISHED" }),
    );
    expect(only(sameEvents, same.requestId).changes).toEqual([]);
  });

  it("records new variants and price changes against the variant", async () => {
    const product = await f.db.prisma.product.findFirstOrThrow({
      where: { variants: { some: { position: 1 } } },
      include: { variants: { orderBy: { position: "asc" } }, options: true },
      orderBy: { slug: "asc" },
    });
    const add = as();
    const sku = `AUDIT-EXTRA-${randomUUID().slice(0, 6).toUpperCase()}`;
    const { result: variant, events } = await audited(() =>
      add.caller.admin.variants.create({
        productId: product.id,
        sku,
        values: product.options.map((_, i) => `Audit ${i}`),
        price: 4500,
        compareAtPrice: 6000,
      }),
    );
    const added = only(events, add.requestId);
    expect(added).toMatchObject({
      action: "variant.created",
      target: { type: "variant", id: variant.id, label: `${product.title} – ${sku}` },
    });
    expect(added.changes).toEqual([
      change("sku", null, sku),
      change("title", null, variant.title),
      change("priceCents", null, 4500),
      change("compareAtPriceCents", null, 6000),
      change("currency", null, product.currency),
    ]);

    const [first] = product.variants;
    if (!first) throw new Error("the product has variants");
    const reprice = as();
    const repriced = only(
      (
        await audited(() =>
          reprice.caller.admin.variants.setPrice({ variantId: first.id, price: first.price + 100 }),
        )
      ).events,
      reprice.requestId,
    );
    expect(repriced).toMatchObject({
      action: "variant.price-changed",
      target: { type: "variant", id: first.id, label: `${product.title} – ${first.sku}` },
    });
    expect(repriced.changes).toEqual([
      change("priceCents", first.price, first.price + 100),
      ...(first.compareAtPrice === null ? [] : [change("compareAtPriceCents", first.compareAtPrice, null)]),
    ]);
  });

  it("records images added, described, reordered and removed against their product", async () => {
    const product = await f.db.prisma.product.findFirstOrThrow({
      where: { options: { some: {} } },
      include: { options: { include: { values: true }, orderBy: { position: "asc" } } },
      orderBy: { slug: "desc" },
    });
    const shown = product.options[0]?.values[0];
    if (!shown) throw new Error("the product has option values");
    const before = await as().caller.admin.media.list({ productId: product.id });

    const add = as();
    const { result: image, events } = await audited(async () =>
      add.caller.admin.media.complete({
        productId: product.id,
        key: await stageImage(f),
        alt: "Front view",
        optionValueId: shown.id,
      }),
    );
    const added = only(events, add.requestId);
    expect(added).toMatchObject({
      action: "product.media-added",
      target: { type: "product", id: product.id, label: product.title },
    });
    expect(added.changes).toEqual([
      change(`images.${image.id}`, null, image.url),
      change(`images.${image.id}.alt`, null, "Front view"),
      change(`images.${image.id}.option`, null, `${product.options[0]?.name}: ${shown.value}`),
    ]);

    const describe_ = as();
    const described = only(
      (
        await audited(() =>
          describe_.caller.admin.media.setAlt({ productId: product.id, mediaId: image.id, alt: "Back view" }),
        )
      ).events,
      describe_.requestId,
    );
    expect(described).toMatchObject({
      action: "product.media-alt-changed",
      changes: [change(`images.${image.id}.alt`, "Front view", "Back view")],
    });

    const order = [...before.map((m) => m.id), image.id];
    const reorder = as();
    const reordered = only(
      (
        await audited(() =>
          reorder.caller.admin.media.reorder({ productId: product.id, mediaIds: [...order].reverse() }),
        )
      ).events,
      reorder.requestId,
    );
    expect(reordered).toMatchObject({
      action: "product.media-reordered",
      changes: [change("images", order, [...order].reverse())],
    });

    const remove = as();
    const removed = only(
      (await audited(() => remove.caller.admin.media.remove({ productId: product.id, mediaId: image.id })))
        .events,
      remove.requestId,
    );
    expect(removed).toMatchObject({ action: "product.media-removed" });
    expect(removed.changes).toEqual([
      change(`images.${image.id}`, image.url, null),
      change(`images.${image.id}.alt`, "Back view", null),
      change(`images.${image.id}.option`, `${product.options[0]?.name}: ${shown.value}`, null),
    ]);

    // Signing an upload form changes nothing of the shop and is not audited.
    const { events: signed } = await audited(() =>
      as().caller.admin.media.createUpload({
        productId: product.id,
        fileName: "a.png",
        contentType: "image/png",
        size: 1000,
      }),
    );
    expect(signed).toEqual([]);
  });

  it("records one event per product an import writes, and none for a check or a refused file", async () => {
    const columns = ["title", "price", "sku_prefix", "status"];
    const rows = [
      { title: "Audit Import Cap", price: "19.50", sku_prefix: "AUDIT-CAP", status: "draft" },
      { title: "Audit Import Scarf", price: "35", sku_prefix: "AUDIT-SCARF", status: "draft" },
    ];
    const { result: checked, events: checkEvents } = await audited(() =>
      as().caller.admin.products.import({ columns, rows }),
    );
    expect(checked).toMatchObject({ created: 0, problems: [] });
    expect(checkEvents).toEqual([]);
    const { result: refused, events: refusedEvents } = await audited(() =>
      as().caller.admin.products.import({
        columns,
        rows: [...rows, { title: "Audit Import Broken", price: "x", sku_prefix: "AUDIT-BROKEN" }],
        write: true,
      }),
    );
    expect(refused.created).toBe(0);
    expect(refusedEvents).toEqual([]);

    const write = as();
    const { result, events } = await audited(() =>
      write.caller.admin.products.import({ columns, rows, write: true }),
    );
    expect(result.created).toBe(2);
    expect(events).toHaveLength(2);
    const products = await f.db.prisma.product.findMany({
      where: { slug: { in: ["audit-import-cap", "audit-import-scarf"] } },
      orderBy: { slug: "asc" },
    });
    expect(events.map((e) => [e.action, e.target])).toEqual(
      products.map((p) => ["product.imported", { type: "product", id: p.id, label: p.title }]),
    );
    for (const e of events) {
      expect(e).toMatchObject({
        actor: { userId: manager.userId, role: "manager" },
        requestId: write.requestId,
      });
      expect(e.changes.find((c) => c.field === "status")).toEqual(change("status", null, "DRAFT"));
    }
    expect(events[0]?.changes.find((c) => c.field === "priceCents")).toEqual(
      change("priceCents", null, 1950),
    );
  });

  it("writes no audit event for a change that is refused", async () => {
    const taken = await f.db.prisma.variant.findFirstOrThrow({
      where: { product: { options: { some: {} } } },
      include: { product: { include: { options: true } } },
      orderBy: { sku: "asc" },
    });
    const unknown = "00000000-0000-4000-8000-000000000999";
    const product = taken.product;
    const values = product.options.map((_, i) => `Audit refused ${i}`);
    const details = {
      id: product.id,
      title: product.title,
      description: product.description,
      brandId: null,
      categoryIds: [],
      attributeValueIds: [],
    };
    const c = as().caller;
    const bySupport = f.callerAs(support);
    const cases: [string, () => Promise<unknown>, string, RegExp][] = [
      [
        "a taken SKU",
        () => c.admin.products.create({ title: "Audit Clash", price: 100, skuPrefix: taken.sku }),
        "BAD_REQUEST",
        /SKUs already in use/,
      ],
      [
        "an unknown brand",
        () =>
          c.admin.products.create({
            title: "Audit Brand",
            price: 100,
            skuPrefix: "AUDIT-B",
            brandId: unknown,
          }),
        "BAD_REQUEST",
        /brandId: is not a brand/,
      ],
      ["an empty title", () => c.admin.products.update({ ...details, title: " " }), "BAD_REQUEST", /title/],
      [
        "an unknown product",
        () => c.admin.products.update({ ...details, id: unknown }),
        "NOT_FOUND",
        /No product/,
      ],
      [
        "an unknown category",
        () => c.admin.products.update({ ...details, categoryIds: [unknown] }),
        "BAD_REQUEST",
        /categoryIds.0: is not a category/,
      ],
      [
        "the status of an unknown product",
        () => c.admin.products.setStatus({ id: unknown, status: "DRAFT" }),
        "NOT_FOUND",
        /No product/,
      ],
      [
        "a price of zero",
        () => c.admin.variants.setPrice({ variantId: taken.id, price: 0 }),
        "BAD_REQUEST",
        /price/,
      ],
      [
        "the price of an unknown variant",
        () => c.admin.variants.setPrice({ variantId: unknown, price: 100 }),
        "NOT_FOUND",
        /No variant/,
      ],
      [
        "a variant with a taken SKU",
        () => c.admin.variants.create({ productId: product.id, sku: taken.sku, values, price: 100 }),
        "BAD_REQUEST",
        /SKUs already in use/,
      ],
      [
        "a variant of an unknown product",
        () => c.admin.variants.create({ productId: unknown, sku: "AUDIT-NOWHERE", values: [], price: 100 }),
        "NOT_FOUND",
        /No product/,
      ],
      [
        "removing an unknown image",
        () => c.admin.media.remove({ productId: product.id, mediaId: unknown }),
        "NOT_FOUND",
        /No image/,
      ],
      [
        "describing an unknown image",
        () => c.admin.media.setAlt({ productId: product.id, mediaId: unknown, alt: "x" }),
        "NOT_FOUND",
        /No image/,
      ],
      [
        "a stale image order",
        () => c.admin.media.reorder({ productId: product.id, mediaIds: [unknown] }),
        "BAD_REQUEST",
        /exactly once/,
      ],
      [
        "completing an upload that never arrived",
        () => c.admin.media.complete({ productId: product.id, key: `uploads/${randomUUID()}`, alt: "x" }),
        "BAD_REQUEST",
        /no uploaded file/,
      ],
      ["a support user's edit", () => bySupport.admin.products.update(details), "FORBIDDEN", /./],
      [
        "a support user's price",
        () => bySupport.admin.variants.setPrice({ variantId: taken.id, price: 100 }),
        "FORBIDDEN",
        /./,
      ],
    ];
    for (const [what, call, code, message] of cases) {
      const err = await refusedWithoutTrace(call);
      expect(err.code, what).toBe(code);
      expect(err.message, what).toMatch(message);
    }
  });

  it("rolls the change back when its audit event cannot be written", async () => {
    const product = await f.db.prisma.product.findFirstOrThrow({ orderBy: { slug: "asc" } });
    // Building the event fails inside the transaction, after the change was made.
    const broken = unwritableAuditScope(manager);
    const from = await lastSeq();
    await expect(
      f.admin.updateProduct(
        product.id,
        { title: "Never Saved", description: "", brandId: null, categoryIds: [], attributeValueIds: [] },
        broken,
      ),
    ).rejects.toThrow(ZodError);
    await expect(f.admin.setStatus(product.id, "ARCHIVED", broken)).rejects.toThrow(ZodError);
    const after = await f.db.prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    expect([after.title, after.status]).toEqual([product.title, product.status]);
    expect(await f.db.prisma.catalogOutbox.count({ where: { seq: { gt: from } } })).toBe(0);
  });
});
