// The SQL behind product listings, built from a resolved listing (ids instead of slugs). Kept apart
// from the store so the benchmark runs exactly what the catalog runs.
import { Prisma } from "@emporium/db";
import type { KeyCursor } from "../../domain/cursor";
import type { SortOrder } from "../../domain/types";

export interface ResolvedListing {
  categoryIds: string[] | null;
  /** The tsquery expression (already safe) and the raw text for trigram ranking. */
  search: { tsquery: string; text: string } | null;
  brandIds: string[];
  /** One group per filtered attribute: any of its value ids must match. */
  attributeGroups: { attributeId: string; valueIds: string[] }[];
  priceMin: number | null;
  priceMax: number | null;
  inStock: boolean;
  minRating: number | null;
  sort: SortOrder;
  limit: number;
  keyset: KeyCursor | null;
  offset: number;
}

export interface ItemRow {
  id: string;
  slug: string;
  title: string;
  min_price: number;
  max_price: number;
  currency: string;
  in_stock: boolean;
  rating_average: number | null;
  rating_count: number;
  created_at: Date;
  brand_slug: string | null;
  brand_name: string | null;
  image_key: string | null;
  image_alt: string | null;
  image_width: number | null;
  image_height: number | null;
  compare_at_price: number | null;
}

const TRUE = Prisma.sql`TRUE`;
const and = (parts: Prisma.Sql[]): Prisma.Sql => (parts.length === 0 ? TRUE : Prisma.join(parts, " AND "));

/** Conditions every listing shares and facets never relax: published, category, search text. */
function scope(l: ResolvedListing): Prisma.Sql {
  const parts = [Prisma.sql`p.status = 'PUBLISHED'`];
  if (l.categoryIds)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM catalog.product_categories pc WHERE pc.product_id = p.id AND pc.category_id = ANY(${l.categoryIds}::uuid[]))`,
    );
  if (l.search) parts.push(Prisma.sql`p.search_vector @@ to_tsquery('english', ${l.search.tsquery})`);
  return and(parts);
}

function brandMatch(l: ResolvedListing): Prisma.Sql {
  return l.brandIds.length > 0 ? Prisma.sql`p.brand_id = ANY(${l.brandIds}::uuid[])` : TRUE;
}

function attributeMatch(group: ResolvedListing["attributeGroups"][number]): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM catalog.product_attribute_values pav WHERE pav.product_id = p.id AND pav.attribute_value_id = ANY(${group.valueIds}::uuid[]))`;
}

function priceMatch(l: ResolvedListing): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (l.priceMax !== null) parts.push(Prisma.sql`p.min_price <= ${l.priceMax}`);
  if (l.priceMin !== null) parts.push(Prisma.sql`p.max_price >= ${l.priceMin}`);
  return and(parts);
}

function stockMatch(l: ResolvedListing): Prisma.Sql {
  return l.inStock ? Prisma.sql`p.in_stock` : TRUE;
}

function ratingMatch(l: ResolvedListing): Prisma.Sql {
  return l.minRating !== null ? Prisma.sql`p.rating_average >= ${l.minRating}` : TRUE;
}

function rank(l: ResolvedListing): Prisma.Sql {
  return l.search
    ? Prisma.sql`ts_rank_cd(p.search_vector, to_tsquery('english', ${l.search.tsquery})) + word_similarity(${l.search.text}, p.title)`
    : Prisma.sql`0`;
}

function ordering(sort: SortOrder, reverse: boolean): Prisma.Sql {
  const dir = (asc: boolean) => Prisma.raw(asc !== reverse ? "ASC" : "DESC");
  switch (sort) {
    case "relevance":
      return Prisma.sql`rank DESC, p.id ASC`;
    case "newest":
      return Prisma.sql`p.created_at ${dir(false)}, p.id ${dir(false)}`;
    case "price_asc":
      return Prisma.sql`p.min_price ${dir(true)}, p.id ${dir(true)}`;
    case "price_desc":
      return Prisma.sql`p.min_price ${dir(false)}, p.id ${dir(false)}`;
    case "rating":
      return Prisma.sql`p.rating_average DESC NULLS LAST, p.rating_count DESC, p.id ASC`;
  }
}

function keysetCondition(c: KeyCursor): Prisma.Sql {
  // Rows after the cursor in display order; "before" pages look the other way.
  const descending = c.sort !== "price_asc";
  const greater = (c.direction === "after") !== descending;
  const op = Prisma.raw(greater ? ">" : "<");
  return c.sort === "newest"
    ? Prisma.sql`(p.created_at, p.id) ${op} (${String(c.key)}::timestamptz, ${c.id}::uuid)`
    : Prisma.sql`(p.min_price, p.id) ${op} (${Number(c.key)}, ${c.id}::uuid)`;
}

/** One page of product cards (limit + 1 rows, so the caller knows whether there is more). */
export function listingItemsSql(l: ResolvedListing): Prisma.Sql {
  const reverse = l.keyset?.direction === "before";
  const filters = and([
    scope(l),
    brandMatch(l),
    ...l.attributeGroups.map(attributeMatch),
    priceMatch(l),
    stockMatch(l),
    ratingMatch(l),
    ...(l.keyset ? [keysetCondition(l.keyset)] : []),
  ]);
  return Prisma.sql`
    WITH page AS (
      SELECT p.id, p.slug, p.title, p.min_price, p.max_price, p.currency, p.in_stock, p.created_at, p.brand_id,
             p.rating_average, p.rating_count, ${rank(l)} AS rank
        FROM catalog.products p
       WHERE ${filters}
       ORDER BY ${ordering(l.sort, reverse)}
       LIMIT ${l.limit + 1} OFFSET ${l.offset}
    )
    SELECT p.id, p.slug, p.title, p.min_price, p.max_price, p.currency, p.in_stock, p.created_at,
           p.rating_average::float8 AS rating_average, p.rating_count,
           b.slug AS brand_slug, b.name AS brand_name,
           m.key AS image_key, m.alt AS image_alt, m.width AS image_width, m.height AS image_height,
           s.compare_at_price
      FROM page p
      LEFT JOIN catalog.brands b ON b.id = p.brand_id
      LEFT JOIN LATERAL (
        SELECT key, alt, width, height FROM catalog.media WHERE product_id = p.id ORDER BY position LIMIT 1
      ) m ON TRUE
      LEFT JOIN LATERAL (
        SELECT max(compare_at_price) AS compare_at_price FROM catalog.variants WHERE product_id = p.id
      ) s ON TRUE
     ORDER BY ${ordering(l.sort, reverse)}`;
}

export interface FacetRow {
  kind: "total" | "brand" | "value" | "price" | "stock" | "category" | "rating";
  key: string | null;
  n: number;
  lo: number | null;
  hi: number | null;
}

/**
 * Total and, when asked, every facet's counts in one statement. Each facet relaxes only its own
 * filter (disjunctive faceting); `childParentId` picks the categories whose counts are wanted
 * (null: the top level).
 */
export function facetsSql(l: ResolvedListing, withFacets: boolean, childParentId: string | null): Prisma.Sql {
  const groups = l.attributeGroups;
  const flags = [
    Prisma.sql`${brandMatch(l)} AS m_brand`,
    Prisma.sql`${priceMatch(l)} AS m_price`,
    Prisma.sql`${stockMatch(l)} AS m_stock`,
    Prisma.sql`${ratingMatch(l)} AS m_rating`,
    ...groups.map((g, i) => Prisma.sql`${attributeMatch(g)} AS ${Prisma.raw(`m_a${i}`)}`),
  ];
  const attrs = and(groups.map((_, i) => Prisma.raw(`m_a${i}`)));
  const base = Prisma.sql`
    WITH base AS (
      SELECT p.id, p.brand_id, p.min_price, p.max_price, p.in_stock, p.rating_average, ${Prisma.join(flags, ", ")}
        FROM catalog.products p
       WHERE ${scope(l)}
    )`;
  const total = Prisma.sql`
    SELECT 'total' AS kind, NULL::text AS key, count(*)::int AS n, NULL::int AS lo, NULL::int AS hi
      FROM base WHERE m_brand AND m_price AND m_stock AND m_rating AND ${attrs}`;
  if (!withFacets) return Prisma.sql`${base} ${total}`;

  const otherAttributes = and(
    groups.map((g, i) => Prisma.sql`(av.attribute_id = ${g.attributeId}::uuid OR ${Prisma.raw(`m_a${i}`)})`),
  );
  const childCondition =
    childParentId === null
      ? Prisma.sql`c.parent_id IS NULL`
      : Prisma.sql`c.parent_id = ${childParentId}::uuid`;
  return Prisma.sql`${base}
    ${total}
    UNION ALL
    SELECT 'brand', brand_id::text, count(*)::int, NULL, NULL
      FROM base WHERE brand_id IS NOT NULL AND m_price AND m_stock AND m_rating AND ${attrs} GROUP BY brand_id
    UNION ALL
    SELECT 'value', pav.attribute_value_id::text, count(*)::int, NULL, NULL
      FROM base b
      JOIN catalog.product_attribute_values pav ON pav.product_id = b.id
      JOIN catalog.attribute_values av ON av.id = pav.attribute_value_id
     WHERE m_brand AND m_price AND m_stock AND m_rating AND ${otherAttributes}
     GROUP BY pav.attribute_value_id
    UNION ALL
    SELECT 'price', NULL, count(*)::int, min(min_price), max(max_price)
      FROM base WHERE m_brand AND m_stock AND m_rating AND ${attrs}
    UNION ALL
    SELECT 'stock', NULL, count(*)::int, NULL, NULL
      FROM base WHERE in_stock AND m_brand AND m_price AND m_rating AND ${attrs}
    UNION ALL
    SELECT 'rating', t::text, count(*)::int, NULL, NULL
      FROM base CROSS JOIN unnest(ARRAY[1, 2, 3, 4]) AS t
     WHERE rating_average >= t AND m_brand AND m_price AND m_stock AND ${attrs}
     GROUP BY t
    UNION ALL
    SELECT 'category', c.id::text, count(DISTINCT b.id)::int, NULL, NULL
      FROM base b
      JOIN catalog.product_categories pc ON pc.product_id = b.id
      JOIN catalog.categories leaf ON leaf.id = pc.category_id
      JOIN catalog.categories c ON ${childCondition} AND (leaf.path = c.path OR leaf.path LIKE c.path || '/%')
     WHERE m_brand AND m_price AND m_stock AND m_rating AND ${attrs}
     GROUP BY c.id`;
}
