// The admin's reads and writes over Prisma's model API: small pages of rows, no full-text machinery.
// Each write reads what it changes inside its transaction (the row locked where others may race it)
// and writes its audit event with its other outbox rows.
import { randomUUID } from "node:crypto";
import { createEnvelope, TOPICS, variantsAddedV1, type AuditScope } from "@emporium/contracts";
import { Prisma, prismaSession, type Database } from "@emporium/db";
import { auditMessage, enqueue, type OutboxMessage } from "@emporium/messaging";
import type {
  AdminProduct,
  DraftProblem,
  ImportOutcome,
  AdminProductPage,
  AdminProductQuery,
  AdminReference,
  AdminVariant,
  NewProduct,
  NewVariant,
  ProductDetails,
  ProductStatus,
} from "../../domain/admin-types";
import { InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import {
  CATALOG_AUDIT_ACTIONS,
  productCreated,
  productStatusChanged,
  productUpdated,
  variantCreated,
  variantPriceChanged,
} from "../../domain/audit-records";
import { lineOf } from "../../domain/product-import";
import { planExtraVariant, planProduct, type ProductPlan } from "../../domain/product-plan";
import type { CatalogAdminStore } from "../../ports/catalog-admin-store";
import { lockProduct, readProductFacts, recordAudit } from "./audit-outbox";
import { mediaUrl } from "./prisma-catalog-store";

const variantSelect = {
  id: true,
  sku: true,
  title: true,
  price: true,
  compareAtPrice: true,
  available: true,
} as const;

type Tx = Prisma.TransactionClient;

/** Refuses ids that name nothing, so a stale form cannot attach a product to a deleted category. */
async function checkReferences(tx: Tx, d: ProductDetails): Promise<void> {
  if (d.brandId && !(await tx.brand.findUnique({ where: { id: d.brandId }, select: { id: true } })))
    throw new InvalidInputError("brandId", "is not a brand of this shop");
  const categories = await tx.category.findMany({
    where: { id: { in: d.categoryIds } },
    select: { id: true },
  });
  const unknownCategory = d.categoryIds.findIndex((id) => !categories.some((c) => c.id === id));
  if (unknownCategory >= 0)
    throw new InvalidInputError(`categoryIds.${unknownCategory}`, "is not a category of this shop");
  const values = await tx.attributeValue.findMany({
    where: { id: { in: d.attributeValueIds } },
    select: { id: true },
  });
  const unknownValue = d.attributeValueIds.findIndex((id) => !values.some((v) => v.id === id));
  if (unknownValue >= 0)
    throw new InvalidInputError(
      `attributeValueIds.${unknownValue}`,
      "is not an attribute value of this shop",
    );
}

/**
 * The extra search terms of a product: its option values, attribute values and category names (the
 * title, brand and description are weighted in by the search trigger itself).
 */
async function refreshKeywords(tx: Tx, productId: string): Promise<void> {
  const p = await tx.product.findUniqueOrThrow({
    where: { id: productId },
    select: {
      options: { select: { values: { select: { value: true } } } },
      attributes: { select: { attributeValue: { select: { value: true } } } },
      categories: { select: { category: { select: { name: true } } } },
    },
  });
  const words = [
    ...p.options.flatMap((o) => o.values.map((v) => v.value)),
    ...p.attributes.map((a) => a.attributeValue.value),
    ...p.categories.map((c) => c.category.name),
  ];
  await tx.product.update({ where: { id: productId }, data: { keywords: [...new Set(words)].join(" ") } });
}

/** Keeps the product's price range (listings sort and filter on it) in step with its variants. */
async function refreshPriceRange(tx: Tx, productId: string): Promise<string> {
  const range = await tx.variant.aggregate({
    where: { productId },
    _min: { price: true },
    _max: { price: true },
  });
  const product = await tx.product.update({
    where: { id: productId },
    data: { minPrice: range._min.price ?? 0, maxPrice: range._max.price ?? 0 },
    select: { slug: true },
  });
  return product.slug;
}

/** Tells inventory about new variants; enqueued in the same transaction that creates them. */
function variantsAdded(productId: string, variants: { variantId: string; sku: string }[]): OutboxMessage {
  return {
    kind: "event",
    topic: TOPICS.catalog,
    envelope: createEnvelope(variantsAddedV1, productId, { productId, variants }),
  };
}

async function refuseTakenSkus(tx: Tx, skus: string[], field: string): Promise<void> {
  const taken = await tx.variant.findMany({ where: { sku: { in: skus } }, select: { sku: true }, take: 3 });
  if (taken.length > 0)
    throw new InvalidInputError(
      field,
      `gives SKUs already in use (${taken.map((t) => t.sku).join(", ")}); choose another`,
    );
}

/** A unique index caught a race the checks above could not see. */
function uniqueClash(err: unknown, field: string): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
    throw new InvalidInputError(field, "is already in use by another product");
  throw err;
}

/**
 * Writes a planned product: the row, options and values, variants, categories, attributes, and its
 * announcement and audit event.
 */
async function insertProduct(
  tx: Tx,
  input: NewProduct,
  plan: ProductPlan,
  audit: {
    scope: AuditScope;
    action: typeof CATALOG_AUDIT_ACTIONS.productCreated | typeof CATALOG_AUDIT_ACTIONS.productImported;
  },
): Promise<{ id: string; slug: string }> {
  const productId = randomUUID();
  const options = plan.options.map((o, position) => ({
    id: randomUUID(),
    name: o.name,
    position,
    values: o.values.map((value, vi) => ({ id: randomUUID(), value, position: vi })),
  }));
  const variants = plan.variants.map((v, position) => ({
    id: randomUUID(),
    sku: v.sku,
    title: v.title,
    price: v.price ?? input.price,
    position,
    valueIds: v.values.map((value, oi) => options[oi]?.values.find((ov) => ov.value === value)?.id ?? ""),
  }));
  await tx.product.create({
    data: {
      id: productId,
      slug: plan.slug,
      title: input.title,
      description: input.description,
      status: input.status,
      brandId: input.brandId,
      primaryCategoryId: input.categoryIds[0] ?? null,
      minPrice: Math.min(...variants.map((v) => v.price)),
      maxPrice: Math.max(...variants.map((v) => v.price)),
      currency: input.currency,
      publishedAt: input.status === "PUBLISHED" ? new Date() : null,
      categories: { create: input.categoryIds.map((categoryId) => ({ categoryId })) },
      attributes: { create: input.attributeValueIds.map((attributeValueId) => ({ attributeValueId })) },
      options: {
        create: options.map((o) => ({
          id: o.id,
          name: o.name,
          position: o.position,
          values: { create: o.values },
        })),
      },
    },
  });
  await tx.variant.createMany({
    data: variants.map((v) => ({
      id: v.id,
      productId,
      sku: v.sku,
      title: v.title,
      position: v.position,
      price: v.price,
      compareAtPrice: input.compareAtPrice,
      currency: input.currency,
    })),
  });
  await tx.variantOptionValue.createMany({
    data: variants.flatMap((v) => v.valueIds.map((optionValueId) => ({ variantId: v.id, optionValueId }))),
  });
  await refreshKeywords(tx, productId);
  const facts = await readProductFacts(tx, productId);
  if (!facts) throw new Error("a product just written could not be read back");
  const record = productCreated(
    audit.action,
    {
      id: productId,
      slug: plan.slug,
      currency: input.currency,
      price: input.price,
      compareAtPrice: input.compareAtPrice,
      options: plan.options,
      skus: variants.map((v) => v.sku),
    },
    facts,
  );
  await enqueue(prismaSession(tx), "catalog", [
    variantsAdded(
      productId,
      variants.map((v) => ({ variantId: v.id, sku: v.sku })),
    ),
    auditMessage(audit.scope, record),
  ]);
  return { id: productId, slug: plan.slug };
}

function notFound(err: unknown, what: string): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025")
    throw new NotFoundError(what);
  throw err;
}

export class PrismaCatalogAdminStore implements CatalogAdminStore {
  constructor(private readonly db: Database) {}

  async listProducts(query: AdminProductQuery): Promise<AdminProductPage> {
    const q = query.q?.trim();
    const where: Prisma.ProductWhereInput = {
      ...(query.status ? { status: query.status } : {}),
      ...(q
        ? {
            OR: [
              { title: { contains: q, mode: "insensitive" } },
              { slug: { contains: q.toLowerCase() } },
              { variants: { some: { sku: { equals: q.toUpperCase() } } } },
            ],
          }
        : {}),
    };
    const [total, rows] = await Promise.all([
      this.db.prisma.product.count({ where }),
      this.db.prisma.product.findMany({
        where,
        orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        skip: (query.page - 1) * query.limit,
        take: query.limit,
        select: {
          id: true,
          slug: true,
          title: true,
          status: true,
          minPrice: true,
          maxPrice: true,
          currency: true,
          updatedAt: true,
          brand: { select: { name: true } },
          variants: { select: { available: true } },
          media: {
            orderBy: { position: "asc" },
            take: 1,
            select: { key: true, alt: true, width: true, height: true },
          },
        },
      }),
    ]);
    return {
      items: rows.map((r) => {
        const image = r.media[0];
        return {
          id: r.id,
          slug: r.slug,
          title: r.title,
          status: r.status,
          brand: r.brand?.name ?? null,
          minPrice: r.minPrice,
          maxPrice: r.maxPrice,
          currency: r.currency,
          variantCount: r.variants.length,
          available: r.variants.reduce((n, v) => n + v.available, 0),
          image: image
            ? { url: mediaUrl(image.key), alt: image.alt, width: image.width, height: image.height }
            : null,
          updatedAt: r.updatedAt.toISOString(),
        };
      }),
      page: query.page,
      pageCount: Math.max(1, Math.ceil(total / query.limit)),
      total,
    };
  }

  async productIdsBySlug(slugs: readonly string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) return new Map();
    const found = await this.db.prisma.product.findMany({
      where: { slug: { in: [...slugs] } },
      select: { id: true, slug: true },
    });
    return new Map(found.map((p) => [p.slug, p.id]));
  }

  async product(id: string): Promise<AdminProduct> {
    const p = await this.db.prisma.product.findUnique({
      where: { id },
      include: {
        brand: { select: { name: true } },
        variants: { orderBy: { position: "asc" }, select: variantSelect },
        media: { orderBy: { position: "asc" } },
        categories: { select: { categoryId: true } },
        attributes: { select: { attributeValueId: true } },
        options: {
          orderBy: { position: "asc" },
          select: { name: true, values: { orderBy: { position: "asc" }, select: { value: true } } },
        },
      },
    });
    if (!p) throw new NotFoundError(`No product with id ${id}`);
    return {
      id: p.id,
      slug: p.slug,
      title: p.title,
      description: p.description,
      status: p.status,
      brand: p.brand?.name ?? null,
      brandId: p.brandId,
      // The primary category first: the edit form keeps it first.
      categoryIds: p.categories
        .map((c) => c.categoryId)
        .sort((a, b) => Number(b === p.primaryCategoryId) - Number(a === p.primaryCategoryId)),
      attributeValueIds: p.attributes.map((a) => a.attributeValueId),
      options: p.options.map((o) => ({ name: o.name, values: o.values.map((v) => v.value) })),
      currency: p.currency,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      updatedAt: p.updatedAt.toISOString(),
      images: p.media.map((m) => ({ url: mediaUrl(m.key), alt: m.alt, width: m.width, height: m.height })),
      variants: p.variants,
    };
  }

  async setStatus(
    id: string,
    status: ProductStatus,
    audit: AuditScope,
  ): Promise<{ slug: string; status: ProductStatus }> {
    return this.db.prisma.$transaction(async (tx) => {
      const current = await tx.$queryRaw<{ title: string; status: ProductStatus; published: boolean }[]>`
        SELECT title, status::text AS status, published_at IS NOT NULL AS published
          FROM catalog.products WHERE id = ${id}::uuid FOR UPDATE`;
      const was = current[0];
      if (!was) throw new NotFoundError(`No product with id ${id}`);
      const updated = await tx.product
        .update({
          where: { id },
          data: {
            status,
            // The first publication date stays: "new arrivals" must not reshuffle on every re-publish.
            ...(status === "PUBLISHED" && !was.published ? { publishedAt: new Date() } : {}),
          },
          select: { slug: true, status: true },
        })
        .catch((err: unknown) => notFound(err, `No product with id ${id}`));
      await recordAudit(
        tx,
        audit,
        productStatusChanged({ id, title: was.title }, was.status, updated.status),
      );
      return updated;
    });
  }

  async setVariantPrice(
    variantId: string,
    price: number,
    compareAtPrice: number | null,
    audit: AuditScope,
  ): Promise<{ slug: string; variant: AdminVariant }> {
    return this.db.prisma.$transaction(async (tx) => {
      const found = await tx.variant.findUnique({ where: { id: variantId }, select: { productId: true } });
      if (!found) throw new NotFoundError(`No variant with id ${variantId}`);
      // Concurrent price changes on one product serialise here, so the range below sees them all (and
      // the price read next is the one this change replaces).
      const product = await lockProduct(tx, found.productId);
      if (!product) throw new NotFoundError(`No variant with id ${variantId}`);
      const before = await tx.variant.findUniqueOrThrow({
        where: { id: variantId },
        select: { price: true, compareAtPrice: true },
      });
      const variant = await tx.variant.update({
        where: { id: variantId },
        data: { price, compareAtPrice },
        select: { ...variantSelect, productId: true },
      });
      const slug = await refreshPriceRange(tx, variant.productId);
      await recordAudit(
        tx,
        audit,
        variantPriceChanged(
          { id: variantId, sku: variant.sku, productTitle: product.title },
          before,
          variant,
        ),
      );
      const { productId: _productId, ...view } = variant;
      return { slug, variant: view };
    });
  }

  async reference(): Promise<AdminReference> {
    const [brands, categories, attributes] = await Promise.all([
      this.db.prisma.brand.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
      this.db.prisma.category.findMany({
        orderBy: { path: "asc" },
        select: { id: true, name: true, path: true, depth: true },
      }),
      this.db.prisma.attribute.findMany({
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          values: { orderBy: [{ position: "asc" }, { value: "asc" }], select: { id: true, value: true } },
        },
      }),
    ]);
    return { brands, categories, attributes };
  }

  async createProduct(input: NewProduct, audit: AuditScope): Promise<{ id: string; slug: string }> {
    const plan = planProduct(input);
    return this.db.prisma
      .$transaction(async (tx) => {
        await checkReferences(tx, input);
        if (await tx.product.findUnique({ where: { slug: plan.slug }, select: { id: true } }))
          throw new InvalidInputError("slug", `${plan.slug} is already used by another product`);
        await refuseTakenSkus(
          tx,
          plan.variants.map((v) => v.sku),
          "skuPrefix",
        );
        return insertProduct(tx, input, plan, { scope: audit, action: CATALOG_AUDIT_ACTIONS.productCreated });
      })
      .catch((err: unknown) => uniqueClash(err, "slug"));
  }

  async importProducts(products: NewProduct[], write: boolean, audit: AuditScope): Promise<ImportOutcome> {
    const problems: DraftProblem[] = [];
    const plans = products.map((input, index) => {
      try {
        return planProduct(input);
      } catch (err) {
        if (!(err instanceof InvalidInputError)) throw err;
        problems.push({ index, field: err.field, message: err.message.slice(err.field.length + 2) });
        return null;
      }
    });
    // Within the file: the first row to claim a slug or SKU keeps it.
    const slugRow = new Map<string, number>();
    const skuRow = new Map<string, number>();
    plans.forEach((plan, index) => {
      if (!plan) return;
      const firstSlug = slugRow.get(plan.slug);
      if (firstSlug !== undefined)
        problems.push({ index, field: "slug", message: `${plan.slug} is also on line ${lineOf(firstSlug)}` });
      else slugRow.set(plan.slug, index);
      for (const v of plan.variants) {
        const firstSku = skuRow.get(v.sku);
        if (firstSku !== undefined) {
          problems.push({
            index,
            field: "skuPrefix",
            message: `gives ${v.sku}, also made on line ${lineOf(firstSku)}`,
          });
          break;
        }
        skuRow.set(v.sku, index);
      }
    });
    // Against the shop.
    const [takenSlugs, takenSkus] = await Promise.all([
      this.db.prisma.product.findMany({
        where: { slug: { in: [...slugRow.keys()] } },
        select: { slug: true },
      }),
      this.db.prisma.variant.findMany({ where: { sku: { in: [...skuRow.keys()] } }, select: { sku: true } }),
    ]);
    for (const { slug } of takenSlugs)
      problems.push({
        index: slugRow.get(slug) ?? 0,
        field: "slug",
        message: `${slug} is already used by another product`,
      });
    const skuTakenRows = new Set<number>();
    for (const { sku } of takenSkus) {
      const index = skuRow.get(sku) ?? 0;
      if (skuTakenRows.has(index)) continue;
      skuTakenRows.add(index);
      problems.push({ index, field: "skuPrefix", message: `gives ${sku}, a SKU already in use` });
    }
    problems.sort((a, b) => a.index - b.index);
    if (problems.length > 0 || !write) return { problems, created: [] };
    // All or nothing: one transaction, so a failure half-way leaves the shop as it was.
    const created = await this.db.prisma
      .$transaction(
        async (tx) => {
          const out: { id: string; slug: string }[] = [];
          for (const [index, input] of products.entries()) {
            const plan = plans[index];
            if (plan)
              out.push(
                await insertProduct(tx, input, plan, {
                  scope: audit,
                  action: CATALOG_AUDIT_ACTIONS.productImported,
                }),
              );
          }
          return out;
        },
        { timeout: 300_000, maxWait: 30_000 },
      )
      .catch((err: unknown) => uniqueClash(err, "slug"));
    return { problems: [], created };
  }

  async updateProduct(id: string, details: ProductDetails, audit: AuditScope): Promise<{ slug: string }> {
    return this.db.prisma.$transaction(async (tx) => {
      // Two edits of one product queue here, so each records what it really replaced.
      if (!(await lockProduct(tx, id))) throw new NotFoundError(`No product with id ${id}`);
      const before = await readProductFacts(tx, id);
      if (!before) throw new NotFoundError(`No product with id ${id}`);
      await checkReferences(tx, details);
      await tx.productCategory.deleteMany({ where: { productId: id } });
      await tx.productAttributeValue.deleteMany({ where: { productId: id } });
      const product = await tx.product.update({
        where: { id },
        data: {
          title: details.title,
          description: details.description,
          brandId: details.brandId,
          primaryCategoryId: details.categoryIds[0] ?? null,
          categories: { create: details.categoryIds.map((categoryId) => ({ categoryId })) },
          attributes: { create: details.attributeValueIds.map((attributeValueId) => ({ attributeValueId })) },
        },
        select: { slug: true },
      });
      await refreshKeywords(tx, id);
      const after = await readProductFacts(tx, id);
      if (!after) throw new Error("a product just updated could not be read back");
      await recordAudit(tx, audit, productUpdated(id, before, after));
      return product;
    });
  }

  async addVariant(input: NewVariant, audit: AuditScope): Promise<{ slug: string; variant: AdminVariant }> {
    return this.db.prisma
      .$transaction(async (tx) => {
        // Variants of one product are added one at a time, so positions and combinations stay unique.
        const locked = await tx.$queryRaw<{ currency: string; title: string }[]>`
          SELECT currency, title FROM catalog.products WHERE id = ${input.productId}::uuid FOR UPDATE`;
        const product = locked[0];
        if (!product) throw new NotFoundError(`No product with id ${input.productId}`);
        const currency = product.currency;
        const options = await tx.productOption.findMany({
          where: { productId: input.productId },
          orderBy: { position: "asc" },
          select: { id: true, name: true, values: { select: { id: true, value: true, position: true } } },
        });
        const existing = await tx.variant.findMany({
          where: { productId: input.productId },
          select: {
            position: true,
            optionValues: { select: { optionValue: { select: { value: true, optionId: true } } } },
          },
        });
        const plan = planExtraVariant({
          sku: input.sku,
          optionNames: options.map((o) => o.name),
          values: input.values,
          existing: existing.map((v) =>
            options.map(
              (o) => v.optionValues.find((ov) => ov.optionValue.optionId === o.id)?.optionValue.value ?? "",
            ),
          ),
        });
        await refuseTakenSkus(tx, [plan.sku], "sku");
        const valueIds: string[] = [];
        for (const [oi, option] of options.entries()) {
          const value = plan.values[oi] ?? "";
          const known = option.values.find((v) => v.value.toLowerCase() === value.toLowerCase());
          if (known) {
            valueIds.push(known.id);
            continue;
          }
          const created = await tx.productOptionValue.create({
            data: {
              id: randomUUID(),
              optionId: option.id,
              value,
              position: Math.max(-1, ...option.values.map((v) => v.position)) + 1,
            },
            select: { id: true },
          });
          valueIds.push(created.id);
        }
        const variant = await tx.variant.create({
          data: {
            id: randomUUID(),
            productId: input.productId,
            sku: plan.sku,
            title: plan.title,
            position: Math.max(-1, ...existing.map((v) => v.position)) + 1,
            price: input.price,
            compareAtPrice: input.compareAtPrice,
            currency,
            optionValues: { create: valueIds.map((optionValueId) => ({ optionValueId })) },
          },
          select: variantSelect,
        });
        const slug = await refreshPriceRange(tx, input.productId);
        await refreshKeywords(tx, input.productId);
        await enqueue(prismaSession(tx), "catalog", [
          variantsAdded(input.productId, [{ variantId: variant.id, sku: variant.sku }]),
          auditMessage(audit, variantCreated(product.title, { ...variant, currency })),
        ]);
        return { slug, variant };
      })
      .catch((err: unknown) => uniqueClash(err, "sku"));
  }
}
