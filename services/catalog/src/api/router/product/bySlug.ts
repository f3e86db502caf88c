// product.bySlug: one product page (variants, media, stock), or NOT_FOUND for an unknown or hidden slug.
import { NotFoundError } from "@emporium/service-kit/errors";
import type { ProductDetail } from "../../../domain/types";
import type { Context } from "../../trpc";
import type { BySlugInput } from "./bySlug.schema";

export async function productBySlug(ctx: Context, input: BySlugInput): Promise<ProductDetail> {
  const product = await ctx.store.productBySlug(input.slug);
  if (!product) throw new NotFoundError(`No product "${input.slug}"`);
  return product;
}
