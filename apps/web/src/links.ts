// The storefront's URL scheme in one place.

/** The catalog's slug and category path formats; anything else cannot name a product or category. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CATEGORY_PATH = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

export const productHref = (slug: string, variantId?: string | null): string =>
  variantId ? `/p/${slug}?variant=${encodeURIComponent(variantId)}` : `/p/${slug}`;

export const categoryHref = (path: string): string => `/c/${path}`;

export const searchHref = (q: string): string => `/search?q=${encodeURIComponent(q)}`;

/** An absolute URL on this site, for canonical links, Open Graph and structured data. */
export const absoluteUrl = (siteUrl: string, path: string): string => new URL(path, `${siteUrl}/`).toString();
