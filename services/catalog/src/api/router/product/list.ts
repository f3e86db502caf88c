// product.list: one page of a filtered, sorted listing; the input is normalised first so equal
// listings share one cache entry. A listing with search text is a search: limited per address.
import { rateKeyOfIp, spendAttempt } from "@emporium/service-kit/limits";
import { normalizeListing } from "../../../domain/listing";
import type { ProductPage } from "../../../domain/types";
import { SEARCH_LIMITED } from "../../limits";
import type { Context } from "../../trpc";
import type { ListInput } from "./list.schema";

export async function listProducts(ctx: Context, input: ListInput): Promise<ProductPage> {
  const listing = normalizeListing(input);
  if (listing.q) await spendAttempt(ctx.limits.searchPerIp, rateKeyOfIp(ctx.clientIp), SEARCH_LIMITED);
  return ctx.store.listProducts(listing);
}
