import type { ProductDetail } from "@emporium/catalog/client";

/** The product with its variants' stock replaced by fresher figures (where there are any). */
export function withStock(product: ProductDetail, stock: ReadonlyMap<string, number> | null): ProductDetail {
  if (!stock || stock.size === 0) return product;
  const variants = product.variants.map((v) => {
    const available = stock.get(v.id);
    return available === undefined || available === v.available ? v : { ...v, available };
  });
  return { ...product, variants, inStock: variants.some((v) => v.available > 0) };
}
