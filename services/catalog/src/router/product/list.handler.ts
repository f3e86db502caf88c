import { normalizeListing } from "../../domain/listing";
import type { ProductPage } from "../../domain/types";
import type { Context } from "../../trpc";
import type { ListInput } from "./list.schema";

export function listHandler(ctx: Context, input: ListInput): Promise<ProductPage> {
  return ctx.store.listProducts(normalizeListing(input));
}
