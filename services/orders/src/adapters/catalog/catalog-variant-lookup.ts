// Variant lookups over the catalog's tRPC API, behind a circuit breaker: every call has a timeout that
// aborts it, and after repeated failures the breaker answers at once instead of piling up requests
// on a catalog that is down.
import { createCatalogClient } from "@emporium/catalog/client";
import type { Logger, ObservedBreaker } from "@emporium/observability";
import CircuitBreaker from "opossum";
import type { VariantInfo, VariantLookup } from "../../ports/variant-lookup";

export interface CatalogLookupOptions {
  url: string;
  log: Logger;
  timeoutMs?: number;
  /** Handed the breaker once it is built (its metrics). */
  observeBreaker?: (breaker: ObservedBreaker) => void;
}

export class CatalogVariantLookup implements VariantLookup {
  private readonly breaker: CircuitBreaker<[readonly string[]], VariantInfo[]>;

  constructor(options: CatalogLookupOptions) {
    const timeoutMs = options.timeoutMs ?? 2_000;
    const client = createCatalogClient({
      url: options.url,
      // With tracing on, the checkout's span travels on (the fetch carries its traceparent), so the
      // catalog's answer is part of the order's trace.
      fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    });
    this.breaker = new CircuitBreaker(
      (ids: readonly string[]) => client.product.variants.query({ ids: [...ids] }),
      {
        timeout: false, // the fetch above aborts itself; the breaker only counts the outcome
        errorThresholdPercentage: 50,
        volumeThreshold: 5,
        resetTimeout: 5_000,
        name: "catalog",
      },
    );
    this.breaker.on("open", () =>
      options.log.warn("catalog circuit open: cart prices and stock hints degrade until it recovers"),
    );
    this.breaker.on("close", () => options.log.info("catalog circuit closed"));
    options.observeBreaker?.(this.breaker);
  }

  async variants(ids: readonly string[]): Promise<VariantInfo[]> {
    if (ids.length === 0) return [];
    const found: VariantInfo[] = [];
    for (let i = 0; i < ids.length; i += 100) found.push(...(await this.breaker.fire(ids.slice(i, i + 100))));
    return found;
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
