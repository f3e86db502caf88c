// Turns a seed number into a whole shop as plain rows, ready to insert. Pure: no I/O, no clock —
// the same seed and size always give byte-for-byte the same shop.
import type { Prisma } from "@emporium/db";
import {
  BRANDS,
  CATEGORY_TREE,
  COLOURS,
  CURRENCY,
  LOCATIONS,
  MODIFIERS,
  SUSTAINABILITY,
  type CategoryNode,
  type ColourDef,
  type LeafRules,
  type Shape,
} from "./blueprint";
import { createRandom, slugify, stableUuid, type Random } from "./random";

export const IMAGE_WIDTH = 480;
export const IMAGE_HEIGHT = 600;
// Creation dates count back from a fixed day, not from today, so the shop does not depend on the clock.
const ANCHOR = Date.UTC(2026, 8, 1);
const DAY = 86_400_000;

export interface ImageSpec {
  key: string;
  shape: Shape;
  colour: string;
  accent: string;
  pattern: string;
  /** 0 for the main shot, 1 for a detail shot. */
  angle: number;
}

export interface GeneratedShop {
  brands: Prisma.BrandCreateManyInput[];
  categories: Prisma.CategoryCreateManyInput[];
  attributes: Prisma.AttributeCreateManyInput[];
  attributeValues: Prisma.AttributeValueCreateManyInput[];
  products: Prisma.ProductCreateManyInput[];
  productCategories: Prisma.ProductCategoryCreateManyInput[];
  productAttributeValues: Prisma.ProductAttributeValueCreateManyInput[];
  options: Prisma.ProductOptionCreateManyInput[];
  optionValues: Prisma.ProductOptionValueCreateManyInput[];
  variants: Prisma.VariantCreateManyInput[];
  variantOptionValues: Prisma.VariantOptionValueCreateManyInput[];
  media: Prisma.MediaCreateManyInput[];
  images: ImageSpec[];
  locations: Prisma.LocationCreateManyInput[];
  stockLevels: Prisma.StockLevelCreateManyInput[];
}

interface Leaf {
  id: string;
  name: string;
  root: string;
  rules: LeafRules;
}

const ATTRIBUTES = [
  { slug: "colour", name: "Colour" },
  { slug: "material", name: "Material" },
  { slug: "fit", name: "Fit" },
  { slug: "pattern", name: "Pattern" },
  { slug: "style", name: "Style" },
  { slug: "sustainability", name: "Sustainability" },
] as const;
type AttributeSlug = (typeof ATTRIBUTES)[number]["slug"];

function code(text: string, length: number): string {
  return text
    .normalize("NFKD")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, length);
}

function priceFrom(r: Random, [min, max]: [number, number]): number {
  const dollars = Math.round(r.int(min, max) / 100);
  return r.chance(0.5) ? dollars * 100 - 1 : dollars * 100;
}

function sizeUpcharge(rules: LeafRules, size: string | null, basePrice: number): number {
  if (!size || !rules.sizes) return 0;
  if (rules.sizePricing === "graded")
    return Math.round((basePrice * 0.2 * rules.sizes.indexOf(size)) / 100) * 100;
  if (rules.sizePricing === "plus") return size === "XXL" ? 200 : 0;
  return 0;
}

function stockQuantity(r: Random): number {
  return r.weighted<() => number>([
    [() => 0, 15],
    [() => r.int(1, 5), 25],
    [() => r.int(6, 30), 45],
    [() => r.int(31, 120), 15],
  ])();
}

function describe(r: Random, title: string, material: string, leaf: Leaf, fit: string | undefined): string {
  const use = r.pick(leaf.rules.uses);
  const openers = [
    `The ${title} is made from ${material.toLowerCase()} for ${use}.`,
    `Meet the ${title}: ${material.toLowerCase()}, built for ${use}.`,
    `Our ${title} pairs ${material.toLowerCase()} with careful construction, ready for ${use}.`,
  ];
  const middles = [
    "Every seam is reinforced and every detail considered.",
    "It softens with every wash and keeps its shape.",
    "Designed in our studio and made in small batches.",
    "Tested for a year before it made the cut.",
    "Finished by hand, so each piece is slightly different.",
  ];
  const fits = fit
    ? [
        `A ${fit.toLowerCase()} fit that works on its own or layered.`,
        `Cut to a ${fit.toLowerCase()} fit; take your usual size.`,
      ]
    : ["Sized generously and easy to care for.", "Ships in plastic-free packaging."];
  const care = [
    "Machine wash cold, line dry.",
    "Wipe clean with a damp cloth.",
    "Care instructions are printed inside.",
    "Backed by our two-year guarantee.",
  ];
  return [r.pick(openers), r.pick(middles), r.pick(fits), r.pick(care)].join(" ");
}

export function generateShop(seed: number, productCount: number): GeneratedShop {
  const r = createRandom(seed);
  const id = (kind: string, key: string | number): string => stableUuid(`${seed}:${kind}:${key}`);
  const shop: GeneratedShop = {
    brands: [],
    categories: [],
    attributes: [],
    attributeValues: [],
    products: [],
    productCategories: [],
    productAttributeValues: [],
    options: [],
    optionValues: [],
    variants: [],
    variantOptionValues: [],
    media: [],
    images: [],
    locations: [],
    stockLevels: [],
  };

  // Categories, depth-first so parents are inserted before children.
  const leaves: Leaf[] = [];
  const walk = (
    nodes: CategoryNode[],
    parent: { id: string; path: string; root: string } | null,
    depth: number,
  ) => {
    nodes.forEach((node, position) => {
      const path = parent ? `${parent.path}/${node.slug}` : node.slug;
      const categoryId = id("category", path);
      const root = parent ? parent.root : node.slug;
      shop.categories.push({
        id: categoryId,
        slug: node.slug,
        name: node.name,
        description: node.description,
        parentId: parent?.id ?? null,
        path,
        depth,
        position,
        featured: node.featured ?? false,
      });
      if (node.products) leaves.push({ id: categoryId, name: node.name, root, rules: node.products });
      if (node.children) walk(node.children, { id: categoryId, path, root }, depth + 1);
    });
  };
  walk(CATEGORY_TREE, null, 0);

  const brands = BRANDS.map((b) => {
    const row = { id: id("brand", b.name), slug: slugify(b.name), name: b.name, description: b.tagline };
    shop.brands.push(row);
    return { ...row, makes: b.makes, code: code(b.name, 2) };
  });

  // Facet attributes and their values; values are created on first use so every one has products.
  const attributeIds = new Map<AttributeSlug, string>();
  ATTRIBUTES.forEach((a, position) => {
    const attributeId = id("attribute", a.slug);
    attributeIds.set(a.slug, attributeId);
    shop.attributes.push({ id: attributeId, slug: a.slug, name: a.name, position });
  });
  const attributeValueIds = new Map<string, string>();
  const attributeValue = (slug: AttributeSlug, value: string): string => {
    const key = `${slug}:${value}`;
    const existing = attributeValueIds.get(key);
    if (existing) return existing;
    const attributeId = attributeIds.get(slug);
    if (!attributeId) throw new Error(`unknown attribute ${slug}`);
    const valueId = id("attribute-value", key);
    attributeValueIds.set(key, valueId);
    const position = shop.attributeValues.filter((v) => v.attributeId === attributeId).length;
    shop.attributeValues.push({ id: valueId, attributeId, slug: slugify(value), value, position });
    return valueId;
  };
  // Colour families in a fixed order, so the facet lists them the same way every time.
  for (const family of [...new Set(COLOURS.map((c) => c.family))]) attributeValue("colour", family);

  const locations = LOCATIONS.map((l) => {
    const row = { id: id("location", l.code), code: l.code, name: l.name, country: l.country };
    shop.locations.push(row);
    return row;
  });

  const leafWeights = leaves.map((leaf) => [leaf, leaf.rules.weight] as const);
  const slugs = new Set<string>();
  const skus = new Set<string>();

  for (let n = 0; n < productCount; n++) {
    const leaf = r.weighted(leafWeights);
    const rules = leaf.rules;
    const brand = r.pick(brands.filter((b) => b.makes.includes(leaf.root)));
    const material = r.pick(rules.materials);
    const fit = rules.fits ? r.pick(rules.fits) : undefined;
    const pattern = rules.patterns ? r.pick(rules.patterns) : "Solid";
    const style = r.pick(rules.styles);
    const noun = r.pick(rules.nouns);
    const modifier = r.pick(MODIFIERS);
    const materialWord = noun.toLowerCase().includes(material.toLowerCase().split(" ").pop() ?? "")
      ? ""
      : material.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
    const patternWord = pattern !== "Solid" && r.chance(0.6) ? pattern : "";
    const title = [modifier, patternWord, r.chance(0.55) ? materialWord : "", noun].filter(Boolean).join(" ");
    let slug = slugify(`${brand.name} ${title}`);
    for (let k = 2; slugs.has(slug); k++) slug = slugify(`${brand.name} ${title} ${k}`);
    slugs.add(slug);

    const productId = id("product", n);
    const colours: ColourDef[] = r.sample(COLOURS, r.int(rules.colours[0], rules.colours[1]));
    let sizes: string[] = [];
    if (rules.sizes) {
      const [minCount, maxCount] = rules.sizeCount ?? [rules.sizes.length, rules.sizes.length];
      const count = Math.min(rules.sizes.length, r.int(minCount, maxCount));
      const start = r.int(0, rules.sizes.length - count);
      sizes = rules.sizes.slice(start, start + count);
    }

    const basePrice = priceFrom(r, rules.price);
    const onSale = r.chance(0.15);
    const salePrice = onSale ? Math.round((basePrice * r.int(65, 85)) / 100 / 100) * 100 - 1 : basePrice;
    const soldOut = r.chance(0.06);
    const createdAt = new Date(ANCHOR - r.int(0, 540) * DAY - r.int(0, DAY - 1));
    const status = r.weighted([
      ["PUBLISHED", 97],
      ["DRAFT", 2],
      ["ARCHIVED", 1],
    ] as const);

    // Options: Colour first (it drives the images), then Size.
    const colourOptionId = id("option", `${n}:colour`);
    shop.options.push({ id: colourOptionId, productId, name: "Colour", position: 0 });
    const colourValueIds = colours.map((c, position) => {
      const valueId = id("option-value", `${n}:colour:${c.name}`);
      shop.optionValues.push({ id: valueId, optionId: colourOptionId, value: c.name, position });
      return valueId;
    });
    let sizeValueIds: string[] = [];
    if (sizes.length > 0) {
      const sizeOptionId = id("option", `${n}:size`);
      shop.options.push({ id: sizeOptionId, productId, name: "Size", position: 1 });
      sizeValueIds = sizes.map((s, position) => {
        const valueId = id("option-value", `${n}:size:${s}`);
        shop.optionValues.push({ id: valueId, optionId: sizeOptionId, value: s, position });
        return valueId;
      });
    }

    let minPrice = Number.POSITIVE_INFINITY;
    let maxPrice = 0;
    let anyStock = false;
    let position = 0;
    colours.forEach((colour, ci) => {
      const sizeList: (string | null)[] = sizes.length > 0 ? sizes : [null];
      sizeList.forEach((size, si) => {
        const variantId = id("variant", `${n}:${colour.name}:${size ?? "-"}`);
        const upcharge = sizeUpcharge(rules, size, basePrice);
        const price = salePrice + upcharge;
        minPrice = Math.min(minPrice, price);
        maxPrice = Math.max(maxPrice, price);
        let sku = `${brand.code}-${String(n + 1).padStart(5, "0")}-${code(colour.name, 3)}${size ? `-${code(size, 6)}` : ""}`;
        for (let k = 2; skus.has(sku); k++) sku = `${sku}-${k}`;
        skus.add(sku);
        shop.variants.push({
          id: variantId,
          productId,
          sku,
          title: size ? `${colour.name} / ${size}` : colour.name,
          position: position++,
          price,
          compareAtPrice: onSale ? basePrice + upcharge : null,
          currency: CURRENCY,
          available: 0,
          createdAt,
        });
        shop.variantOptionValues.push({ variantId, optionValueId: colourValueIds[ci] ?? "" });
        const sizeValueId = sizeValueIds[si];
        if (size && sizeValueId) shop.variantOptionValues.push({ variantId, optionValueId: sizeValueId });

        let available = 0;
        for (const location of r.sample(locations, r.int(2, 3))) {
          const qty = soldOut ? 0 : stockQuantity(r);
          available += qty;
          shop.stockLevels.push({
            locationId: location.id,
            variantId,
            sku,
            onHand: qty,
            reserved: 0,
            available: qty,
            lowStockThreshold: 5,
            updatedAt: createdAt,
          });
        }
        const variant = shop.variants[shop.variants.length - 1];
        if (variant) variant.available = available;
        if (available > 0) anyStock = true;
      });
    });

    const attributeSet = new Set<string>([
      ...colours.map((c) => attributeValue("colour", c.family)),
      attributeValue("material", material),
      attributeValue("style", style),
    ]);
    if (fit) attributeSet.add(attributeValue("fit", fit));
    if (rules.patterns) attributeSet.add(attributeValue("pattern", pattern));
    if (material.startsWith("Organic")) attributeSet.add(attributeValue("sustainability", "Organic"));
    else if (material.startsWith("Recycled"))
      attributeSet.add(attributeValue("sustainability", "Recycled materials"));
    else if (r.chance(0.12))
      attributeSet.add(attributeValue("sustainability", r.pick(SUSTAINABILITY.slice(2))));
    for (const attributeValueId of attributeSet)
      shop.productAttributeValues.push({ productId, attributeValueId });

    shop.products.push({
      id: productId,
      slug,
      title,
      description: describe(r, title, material, leaf, fit),
      status,
      brandId: brand.id,
      primaryCategoryId: leaf.id,
      minPrice,
      maxPrice,
      currency: CURRENCY,
      inStock: anyStock,
      featured: status === "PUBLISHED" && r.chance(0.02),
      keywords: [...colours.map((c) => c.name), material, pattern, fit ?? "", style, leaf.name]
        .filter(Boolean)
        .join(" "),
      publishedAt: status === "PUBLISHED" ? new Date(createdAt.getTime() + r.int(1, 48) * 3_600_000) : null,
      createdAt,
      updatedAt: createdAt,
    });
    shop.productCategories.push({ productId, categoryId: leaf.id });

    // One image per colour (the first three), plus a detail shot for some products.
    const shots = colours
      .slice(0, 3)
      .map((c, ci) => ({ colour: c, valueId: colourValueIds[ci] ?? null, angle: 0 }));
    const first = shots[0];
    if (first && r.chance(0.35)) shots.push({ ...first, angle: 1 });
    shots.forEach((shot, mi) => {
      const key = `products/${slug}/${mi + 1}-${slugify(shot.colour.name)}${shot.angle ? "-detail" : ""}.webp`;
      shop.media.push({
        id: id("media", `${n}:${mi}`),
        productId,
        key,
        alt: `${title} in ${shot.colour.name}${shot.angle ? ", detail" : ""}`,
        width: IMAGE_WIDTH,
        height: IMAGE_HEIGHT,
        mimeType: "image/webp",
        position: mi,
        optionValueId: shot.valueId,
        createdAt,
      });
      shop.images.push({
        key,
        shape: rules.shape,
        colour: shot.colour.hex,
        accent: r.pick(COLOURS).hex,
        pattern,
        angle: shot.angle,
      });
    });
  }
  return shop;
}
