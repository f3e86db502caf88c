// Which product each variant is of, asked of the catalog's public `product.variants` (100 ids a call),
// each call aborted after a timeout. A failure is thrown: the order message it serves is tried again
// later by the event bus rather than recorded without its products.
import { createCatalogClient } from "@emporium/catalog/client";
import type { ProductDirectory } from "../../ports/product-directory";

export interface CatalogDirectoryOptions {
  /** The catalog's tRPC endpoint, e.g. http://127.0.0.1:4001/trpc. */
  url: string;
  timeoutMs?: number;
}

export class CatalogProductDirectory implements ProductDirectory {
  private readonly client: ReturnType<typeof createCatalogClient>;

  constructor(options: CatalogDirectoryOptions) {
    const timeoutMs = options.timeoutMs ?? 3_000;
    this.client = createCatalogClient({
      url: options.url,
      fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    });
  }

  async productsOf(variantIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const ids = [...new Set(variantIds)];
    for (let i = 0; i < ids.length; i += 100) {
      const variants = await this.client.product.variants.query({ ids: ids.slice(i, i + 100) });
      for (const v of variants) found.set(v.id, v.productId);
    }
    return found;
  }
}
