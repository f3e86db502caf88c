// The catalog's reads over Prisma: the model API where it fits (product detail), raw SQL built with
// Prisma.sql where Postgres features do the work (full-text search, trigrams, faceting).
import { Prisma, type Database } from "@emporium/db";
import { buildTree, findCategory, subtreeIds } from "../../domain/category-tree";
import { decodeCursor, encodeCursor, type KeyCursor } from "../../domain/cursor";
import { InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import { assembleFacets, type FacetDictionary } from "../../domain/facets";
import type { ListingQuery } from "../../domain/listing";
import {
  buildTsQuery,
  correctedQuery,
  MIN_CORRECTABLE_LENGTH,
  tokenize,
  type SearchTerm,
} from "../../domain/search-query";
import type {
  CategoryNode,
  HomePage,
  ImageRef,
  ProductCard,
  ProductDetail,
  ProductPage,
  SitemapEntry,
  Suggestions,
  VariantSummary,
} from "../../domain/types";
import type { CatalogStore } from "../../ports/catalog-store";
import { facetsSql, listingItemsSql, type FacetRow, type ItemRow, type ResolvedListing } from "./listing-sql";

export const MEDIA_PATH = "/media/";

export function mediaUrl(key: string): string {
  return `${MEDIA_PATH}${key}`;
}

function imageOf(
  row: Pick<ItemRow, "image_key" | "image_alt" | "image_width" | "image_height">,
): ImageRef | null {
  return row.image_key
    ? {
        url: mediaUrl(row.image_key),
        alt: row.image_alt ?? "",
        width: row.image_width ?? 0,
        height: row.image_height ?? 0,
      }
    : null;
}

function cardOf(row: ItemRow): ProductCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    brand: row.brand_slug && row.brand_name ? { slug: row.brand_slug, name: row.brand_name } : null,
    minPrice: row.min_price,
    maxPrice: row.max_price,
    compareAtPrice: row.compare_at_price,
    currency: row.currency,
    inStock: row.in_stock,
    image: imageOf(row),
    rating:
      row.rating_average === null ? null : { average: Number(row.rating_average), count: row.rating_count },
    createdAt: row.created_at.toISOString(),
  };
}

interface CategoryRow {
  id: string;
  parent_id: string | null;
  slug: string;
  name: string;
  path: string;
  depth: number;
  featured: boolean;
  description: string | null;
  product_count: number;
}

export class PrismaCatalogStore implements CatalogStore {
  constructor(private readonly db: Database) {}

  private get prisma() {
    return this.db.prisma;
  }

  async ping(): Promise<void> {
    await this.prisma.$queryRaw`SELECT 1`;
  }

  async categoryTree(): Promise<CategoryNode[]> {
    return this.categories(true);
  }

  /** The category tree; product counts cost a scan, so listings (which only navigate it) skip them. */
  private async categories(withCounts: boolean): Promise<CategoryNode[]> {
    const count = withCounts
      ? Prisma.sql`(SELECT count(DISTINCT pc.product_id)
                FROM catalog.product_categories pc
                JOIN catalog.categories leaf ON leaf.id = pc.category_id
                JOIN catalog.products p ON p.id = pc.product_id AND p.status = 'PUBLISHED'
               WHERE leaf.path = c.path OR leaf.path LIKE c.path || '/%')::int`
      : Prisma.sql`0`;
    const rows = await this.prisma.$queryRaw<CategoryRow[]>`
      SELECT c.id, c.parent_id, c.slug, c.name, c.path, c.depth, c.featured, c.description, ${count} AS product_count
        FROM catalog.categories c
       ORDER BY c.depth, c.position, c.name`;
    return buildTree(
      rows.map((r) => ({
        id: r.id,
        parentId: r.parent_id,
        slug: r.slug,
        name: r.name,
        path: r.path,
        depth: r.depth,
        featured: r.featured,
        description: r.description,
        productCount: r.product_count,
      })),
    );
  }

  /** Each query word, with a lexicon correction when it is not (the start of) a known word. */
  private async searchTerms(tokens: string[]): Promise<SearchTerm[]> {
    if (tokens.length === 0) return [];
    const rows = await this.prisma.$queryRaw<{ token: string; known: boolean; suggestion: string | null }[]>`
      SELECT t.token,
             EXISTS (SELECT 1 FROM catalog.search_words w WHERE w.word LIKE t.token || '%') AS known,
             (SELECT w.word FROM catalog.search_words w
               WHERE w.word % t.token AND similarity(w.word, t.token) >= 0.35
               ORDER BY similarity(w.word, t.token) DESC, w.word
               LIMIT 1) AS suggestion
        FROM unnest(${tokens}::text[]) WITH ORDINALITY AS t(token, i)
       ORDER BY t.i`;
    return rows.map((r) => ({
      token: r.token,
      correction: !r.known && r.token.length >= MIN_CORRECTABLE_LENGTH ? r.suggestion : null,
    }));
  }

  private async dictionary(): Promise<{
    brands: FacetDictionary["brands"];
    attributes: FacetDictionary["attributes"];
  }> {
    const [brands, attributes] = await Promise.all([
      this.prisma.brand.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
      this.prisma.attribute.findMany({
        select: {
          id: true,
          slug: true,
          name: true,
          values: {
            select: { id: true, slug: true, value: true },
            orderBy: [{ position: "asc" }, { value: "asc" }],
          },
        },
        orderBy: { position: "asc" },
      }),
    ]);
    return { brands, attributes };
  }

  async listProducts(query: ListingQuery): Promise<ProductPage> {
    const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
    const [tree, dict] = await Promise.all([this.categories(false), this.dictionary()]);

    let categoryIds: string[] | null = null;
    let children = tree;
    let parentId: string | null = null;
    if (query.categoryPath) {
      const found = findCategory(tree, query.categoryPath);
      if (!found) throw new NotFoundError(`No category at "${query.categoryPath}"`);
      categoryIds = subtreeIds(found.node);
      children = found.node.children;
      parentId = found.node.id;
    }

    const brandIds = query.brands.map((slug) => {
      const brand = dict.brands.find((b) => b.slug === slug);
      if (!brand) throw new InvalidInputError("brands", `unknown brand "${slug}"`);
      return brand.id;
    });
    const attributeGroups = query.attributes.map((filter) => {
      const attribute = dict.attributes.find((a) => a.slug === filter.slug);
      if (!attribute) throw new InvalidInputError(`attributes.${filter.slug}`, "unknown attribute");
      return {
        attributeId: attribute.id,
        valueIds: filter.values.map((slug) => {
          const value = attribute.values.find((v) => v.slug === slug);
          if (!value) throw new InvalidInputError(`attributes.${filter.slug}`, `unknown value "${slug}"`);
          return value.id;
        }),
      };
    });

    let search: ResolvedListing["search"] = null;
    let corrected: string | null = null;
    if (query.q) {
      const terms = await this.searchTerms(tokenize(query.q));
      if (terms.length === 0) return emptyPage(query);
      search = { tsquery: buildTsQuery(terms), text: terms.map((t) => t.correction ?? t.token).join(" ") };
      corrected = correctedQuery(terms);
    }

    const resolved: ResolvedListing = {
      categoryIds,
      search,
      brandIds,
      attributeGroups,
      priceMin: query.priceMin,
      priceMax: query.priceMax,
      inStock: query.inStock,
      minRating: query.minRating,
      sort: query.sort,
      limit: query.limit,
      keyset: cursor?.kind === "key" ? cursor : null,
      offset: cursor?.kind === "offset" ? cursor.offset : query.page ? (query.page - 1) * query.limit : 0,
    };
    const [rows, facetRows] = await Promise.all([
      this.prisma.$queryRaw<ItemRow[]>(listingItemsSql(resolved)),
      this.prisma.$queryRaw<FacetRow[]>(facetsSql(resolved, query.facets, parentId)),
    ]);

    const { items, offset, nextCursor, prevCursor } = paginate(rows.map(cardOf), resolved);
    const total = facetRows.find((r) => r.kind === "total")?.n ?? 0;
    const facets = query.facets
      ? assembleFacets(
          {
            brands: countsOf(facetRows, "brand"),
            attributeValues: countsOf(facetRows, "value"),
            categories: countsOf(facetRows, "category"),
            price: priceRangeOf(facetRows),
            inStock: facetRows.find((r) => r.kind === "stock")?.n ?? 0,
            rating: new Map([...countsOf(facetRows, "rating")].map(([stars, n]) => [Number(stars), n])),
          },
          { ...dict, childCategories: children },
          { brands: query.brands, attributes: query.attributes },
        )
      : null;
    return {
      items,
      total,
      offset,
      nextCursor,
      prevCursor,
      sort: query.sort,
      correctedQuery: corrected,
      facets,
    };
  }

  async productBySlug(slug: string): Promise<ProductDetail | null> {
    const p = await this.prisma.product.findFirst({
      where: { slug, status: "PUBLISHED" },
      include: {
        brand: { select: { slug: true, name: true } },
        primaryCategory: { select: { path: true } },
        options: {
          orderBy: { position: "asc" },
          include: { values: { orderBy: { position: "asc" }, select: { id: true, value: true } } },
        },
        variants: {
          orderBy: { position: "asc" },
          include: { optionValues: { select: { optionValueId: true } } },
        },
        media: { orderBy: { position: "asc" } },
        attributes: { include: { attributeValue: { include: { attribute: true } } } },
      },
    });
    if (!p) return null;

    const path = p.primaryCategory?.path;
    const prefixes = path ? path.split("/").map((_, i, parts) => parts.slice(0, i + 1).join("/")) : [];
    const crumbs = prefixes.length
      ? await this.prisma.category.findMany({
          where: { path: { in: prefixes } },
          select: { slug: true, name: true, path: true },
          orderBy: { depth: "asc" },
        })
      : [];

    const attributes = new Map<string, { slug: string; name: string; position: number; values: string[] }>();
    for (const { attributeValue: v } of p.attributes) {
      const entry = attributes.get(v.attribute.slug) ?? {
        slug: v.attribute.slug,
        name: v.attribute.name,
        position: v.attribute.position,
        values: [],
      };
      entry.values.push(v.value);
      attributes.set(v.attribute.slug, entry);
    }

    return {
      id: p.id,
      slug: p.slug,
      title: p.title,
      description: p.description,
      brand: p.brand,
      currency: p.currency,
      minPrice: p.minPrice,
      maxPrice: p.maxPrice,
      inStock: p.inStock,
      breadcrumbs: crumbs,
      options: p.options.map((o) => ({ id: o.id, name: o.name, values: o.values })),
      variants: p.variants.map((v) => ({
        id: v.id,
        sku: v.sku,
        title: v.title,
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        available: v.available,
        optionValueIds: v.optionValues.map((ov) => ov.optionValueId),
      })),
      media: p.media.map((m) => ({
        url: mediaUrl(m.key),
        alt: m.alt,
        width: m.width,
        height: m.height,
        optionValueId: m.optionValueId,
      })),
      attributes: [...attributes.values()]
        .sort((a, b) => a.position - b.position)
        .map(({ slug: s, name, values }) => ({ slug: s, name, values: values.sort() })),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }

  async suggest(q: string, limit: number): Promise<Suggestions> {
    const terms = await this.searchTerms(tokenize(q));
    if (terms.length === 0)
      return { query: q, correctedQuery: null, products: [], categories: [], brands: [] };
    const tsquery = buildTsQuery(terms);
    const text = terms.map((t) => t.correction ?? t.token).join(" ");
    const patterns = terms.map((t) => `%${t.correction ?? t.token}%`);
    const [products, categories, brands] = await Promise.all([
      this.prisma.$queryRaw<ItemRow[]>`
        SELECT p.id, p.slug, p.title, p.min_price, p.max_price, p.currency, p.in_stock, p.created_at,
               p.rating_average::float8 AS rating_average, p.rating_count,
               b.slug AS brand_slug, b.name AS brand_name,
               m.key AS image_key, m.alt AS image_alt, m.width AS image_width, m.height AS image_height,
               NULL::int AS compare_at_price
          FROM catalog.products p
          LEFT JOIN catalog.brands b ON b.id = p.brand_id
          LEFT JOIN LATERAL (
            SELECT key, alt, width, height FROM catalog.media WHERE product_id = p.id ORDER BY position LIMIT 1
          ) m ON TRUE
         WHERE p.status = 'PUBLISHED' AND p.search_vector @@ to_tsquery('english', ${tsquery})
         ORDER BY p.in_stock DESC,
                  ts_rank_cd(p.search_vector, to_tsquery('english', ${tsquery})) + word_similarity(${text}, p.title) DESC,
                  p.id
         LIMIT ${limit}`,
      this.prisma.$queryRaw<{ slug: string; name: string; path: string }[]>`
        SELECT slug, name, path FROM catalog.categories
         WHERE public.unaccent(lower(name)) LIKE ANY(${patterns}::text[]) OR word_similarity(${text}, name) >= 0.6
         ORDER BY word_similarity(${text}, name) DESC, depth DESC, name
         LIMIT 4`,
      this.prisma.$queryRaw<{ slug: string; name: string }[]>`
        SELECT slug, name FROM catalog.brands
         WHERE public.unaccent(lower(name)) LIKE ANY(${patterns}::text[]) OR word_similarity(${text}, name) >= 0.6
         ORDER BY word_similarity(${text}, name) DESC, name
         LIMIT 3`,
    ]);
    return {
      query: q,
      correctedQuery: correctedQuery(terms),
      products: products.map((row) => {
        const card = cardOf(row);
        return {
          slug: card.slug,
          title: card.title,
          image: card.image,
          minPrice: card.minPrice,
          currency: card.currency,
          brand: card.brand,
        };
      }),
      categories,
      brands,
    };
  }

  async variants(ids: readonly string[]): Promise<VariantSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.prisma.variant.findMany({
      where: { id: { in: [...ids] }, product: { status: "PUBLISHED" } },
      include: {
        product: {
          select: { title: true, slug: true, media: { orderBy: { position: "asc" } } },
        },
        optionValues: { select: { optionValueId: true } },
      },
    });
    return rows.map((v) => {
      const values = new Set(v.optionValues.map((o) => o.optionValueId));
      const media =
        v.product.media.find((m) => m.optionValueId && values.has(m.optionValueId)) ?? v.product.media[0];
      return {
        id: v.id,
        sku: v.sku,
        title: v.title,
        productId: v.productId,
        productTitle: v.product.title,
        productSlug: v.product.slug,
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        currency: v.currency,
        available: v.available,
        image: media
          ? { url: mediaUrl(media.key), alt: media.alt, width: media.width, height: media.height }
          : null,
      };
    });
  }

  async home(): Promise<HomePage> {
    const tree = await this.categoryTree();
    const featuredRoots = tree.filter((c) => c.featured);
    const firstImages = await Promise.all(
      featuredRoots.map(async (c) => {
        const rows = await this.prisma.$queryRaw<
          Pick<ItemRow, "image_key" | "image_alt" | "image_width" | "image_height">[]
        >`
          SELECT m.key AS image_key, m.alt AS image_alt, m.width AS image_width, m.height AS image_height
            FROM catalog.products p
            JOIN catalog.media m ON m.product_id = p.id AND m.position = 0
           WHERE p.status = 'PUBLISHED' AND p.in_stock
             AND EXISTS (SELECT 1 FROM catalog.product_categories pc
                          WHERE pc.product_id = p.id AND pc.category_id = ANY(${subtreeIds(c)}::uuid[]))
           ORDER BY p.featured DESC, p.created_at DESC, p.id
           LIMIT 1`;
        const row = rows[0];
        return row ? imageOf(row) : null;
      }),
    );
    const cards = async (where: Prisma.Sql): Promise<ProductCard[]> => {
      const rows = await this.prisma.$queryRaw<ItemRow[]>`
        SELECT p.id, p.slug, p.title, p.min_price, p.max_price, p.currency, p.in_stock, p.created_at,
               p.rating_average::float8 AS rating_average, p.rating_count,
               b.slug AS brand_slug, b.name AS brand_name,
               m.key AS image_key, m.alt AS image_alt, m.width AS image_width, m.height AS image_height,
               (SELECT max(compare_at_price) FROM catalog.variants v WHERE v.product_id = p.id) AS compare_at_price
          FROM catalog.products p
          LEFT JOIN catalog.brands b ON b.id = p.brand_id
          LEFT JOIN LATERAL (
            SELECT key, alt, width, height FROM catalog.media WHERE product_id = p.id ORDER BY position LIMIT 1
          ) m ON TRUE
         WHERE p.status = 'PUBLISHED' AND p.in_stock AND ${where}
         ORDER BY p.created_at DESC, p.id DESC
         LIMIT 8`;
      return rows.map(cardOf);
    };
    const [newArrivals, featuredProducts] = await Promise.all([
      cards(Prisma.sql`TRUE`),
      cards(Prisma.sql`p.featured`),
    ]);
    return {
      featuredCategories: featuredRoots.map((c, i) => ({
        slug: c.slug,
        name: c.name,
        path: c.path,
        description: c.description,
        productCount: c.productCount,
        image: firstImages[i] ?? null,
      })),
      newArrivals,
      featuredProducts,
    };
  }

  async sitemap(): Promise<SitemapEntry[]> {
    const [products, categories] = await Promise.all([
      this.prisma.product.findMany({
        where: { status: "PUBLISHED" },
        select: { slug: true, updatedAt: true },
        orderBy: { slug: "asc" },
      }),
      this.prisma.category.findMany({ select: { path: true }, orderBy: { path: "asc" } }),
    ]);
    const newest = products.reduce((max, p) => (p.updatedAt > max ? p.updatedAt : max), new Date(0));
    return [
      ...categories.map((c) => ({ path: `/c/${c.path}`, updatedAt: newest.toISOString() })),
      ...products.map((p) => ({ path: `/p/${p.slug}`, updatedAt: p.updatedAt.toISOString() })),
    ];
  }
}

function emptyPage(query: ListingQuery): ProductPage {
  return {
    items: [],
    total: 0,
    offset: 0,
    nextCursor: null,
    prevCursor: null,
    sort: query.sort,
    correctedQuery: null,
    facets: query.facets
      ? { categories: [], brands: [], attributes: [], price: null, inStock: 0, rating: [] }
      : null,
  };
}

function countsOf(rows: FacetRow[], kind: FacetRow["kind"]): Map<string, number> {
  return new Map(rows.filter((r) => r.kind === kind && r.key !== null).map((r) => [r.key ?? "", r.n]));
}

function priceRangeOf(rows: FacetRow[]): { min: number; max: number } | null {
  const row = rows.find((r) => r.kind === "price");
  return row && row.lo !== null && row.hi !== null ? { min: row.lo, max: row.hi } : null;
}

/**
 * Trims the extra row, restores display order for "before" pages, works out where the page starts and
 * makes the neighbouring cursors (keyset ones carrying the position of the page they open).
 */
function paginate(
  fetched: ProductCard[],
  l: ResolvedListing,
): { items: ProductCard[]; offset: number | null; nextCursor: string | null; prevCursor: string | null } {
  const more = fetched.length > l.limit;
  const page = fetched.slice(0, l.limit);
  if (l.sort === "relevance" || l.sort === "rating") {
    const sort = l.sort;
    return {
      items: page,
      offset: l.offset,
      nextCursor: more ? encodeCursor({ kind: "offset", sort, offset: l.offset + l.limit }) : null,
      prevCursor:
        l.offset > 0 ? encodeCursor({ kind: "offset", sort, offset: Math.max(0, l.offset - l.limit) }) : null,
    };
  }
  const backwards = l.keyset?.direction === "before";
  const items = backwards ? [...page].reverse() : page;
  // A "before" page that found nothing further back is the first page, whatever its cursor said.
  const offset = !l.keyset ? l.offset : backwards && !more ? 0 : (l.keyset.at ?? null);
  const keyOf = (card: ProductCard, direction: KeyCursor["direction"], at: number | null): string =>
    encodeCursor({
      kind: "key",
      sort: l.sort as KeyCursor["sort"],
      direction,
      key: l.sort === "newest" ? card.createdAt : card.minPrice,
      id: card.id,
      ...(at === null ? {} : { at }),
    });
  const first = items[0];
  const last = items[items.length - 1];
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : l.keyset !== null || l.offset > 0;
  return {
    items,
    offset,
    nextCursor: hasNext && last ? keyOf(last, "after", offset === null ? null : offset + items.length) : null,
    prevCursor:
      hasPrev && first
        ? keyOf(first, "before", offset === null ? null : Math.max(0, offset - l.limit))
        : null,
  };
}
