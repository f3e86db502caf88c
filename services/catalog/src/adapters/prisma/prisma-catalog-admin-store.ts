// The admin's reads and writes over Prisma's model API: small pages of rows, no full-text machinery.
import { Prisma, type Database } from "@emporium/db";
import type {
  AdminProduct,
  AdminProductPage,
  AdminProductQuery,
  AdminVariant,
  LowStockVariant,
  ProductStatus,
} from "../../domain/admin-types";
import { NotFoundError } from "../../domain/errors";
import type { CatalogAdminStore } from "../../ports/catalog-admin-store";
import { mediaUrl } from "./prisma-catalog-store";

const variantSelect = {
  id: true,
  sku: true,
  title: true,
  price: true,
  compareAtPrice: true,
  available: true,
} as const;

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

  async product(id: string): Promise<AdminProduct> {
    const p = await this.db.prisma.product.findUnique({
      where: { id },
      include: {
        brand: { select: { name: true } },
        variants: { orderBy: { position: "asc" }, select: variantSelect },
        media: { orderBy: { position: "asc" } },
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
      currency: p.currency,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      updatedAt: p.updatedAt.toISOString(),
      images: p.media.map((m) => ({ url: mediaUrl(m.key), alt: m.alt, width: m.width, height: m.height })),
      variants: p.variants,
    };
  }

  async setStatus(id: string, status: ProductStatus): Promise<{ slug: string; status: ProductStatus }> {
    const current = await this.db.prisma.product.findUnique({ where: { id }, select: { publishedAt: true } });
    if (!current) throw new NotFoundError(`No product with id ${id}`);
    const updated = await this.db.prisma.product
      .update({
        where: { id },
        data: {
          status,
          // The first publication date stays: "new arrivals" must not reshuffle on every re-publish.
          ...(status === "PUBLISHED" && !current.publishedAt ? { publishedAt: new Date() } : {}),
        },
        select: { slug: true, status: true },
      })
      .catch((err: unknown) => notFound(err, `No product with id ${id}`));
    return updated;
  }

  async setVariantPrice(
    variantId: string,
    price: number,
    compareAtPrice: number | null,
  ): Promise<{ slug: string; variant: AdminVariant }> {
    return this.db.prisma.$transaction(async (tx) => {
      const found = await tx.variant.findUnique({ where: { id: variantId }, select: { productId: true } });
      if (!found) throw new NotFoundError(`No variant with id ${variantId}`);
      // Concurrent price changes on one product serialise here, so the range below sees them all.
      await tx.$queryRaw`SELECT 1 FROM catalog.products WHERE id = ${found.productId}::uuid FOR UPDATE`;
      const variant = await tx.variant.update({
        where: { id: variantId },
        data: { price, compareAtPrice },
        select: { ...variantSelect, productId: true },
      });
      const range = await tx.variant.aggregate({
        where: { productId: variant.productId },
        _min: { price: true },
        _max: { price: true },
      });
      const product = await tx.product.update({
        where: { id: variant.productId },
        data: { minPrice: range._min.price ?? price, maxPrice: range._max.price ?? price },
        select: { slug: true },
      });
      const { productId: _productId, ...view } = variant;
      return { slug: product.slug, variant: view };
    });
  }

  async lowStock(threshold: number, limit: number): Promise<LowStockVariant[]> {
    const rows = await this.db.prisma.variant.findMany({
      where: { available: { lte: threshold }, product: { status: "PUBLISHED" } },
      orderBy: [{ available: "asc" }, { sku: "asc" }],
      take: limit,
      select: {
        id: true,
        sku: true,
        title: true,
        available: true,
        product: { select: { id: true, title: true } },
      },
    });
    return rows.map((r) => ({
      productId: r.product.id,
      productTitle: r.product.title,
      variantId: r.id,
      sku: r.sku,
      variantTitle: r.title,
      available: r.available,
    }));
  }
}
