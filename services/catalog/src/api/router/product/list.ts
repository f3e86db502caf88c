// product.list: one page of a filtered, sorted listing; the input is normalised first so equal
// listings share one cache entry.
import { normalizeListing } from "../../../domain/listing";
import type { ProductPage } from "../../../domain/types";
import type { Context } from "../../trpc";
import type { ListInput } from "./list.schema";

export function listProducts(ctx: Context, input: ListInput): Promise<ProductPage> {
  return ctx.store.listProducts(normalizeListing(input));
}
