// The catalog's database reads behind a deadline and a circuit breaker (opossum). A read that takes too
// long is given up (the shopper gets the last good answer from the cache instead of waiting), and after
// repeated failures the breaker opens so reads fail at once — no request queues behind a dead database —
// until a trial read after a pause finds it back. What cannot be answered is a 503 with a plain message. "Not found" and bad-input answers prove the database
// is up: they never count towards opening the breaker.
import CircuitBreaker from "opossum";
import type { Logger, ObservedBreaker } from "@emporium/observability";
import { UnavailableError } from "@emporium/service-kit/errors";
import type { ListingQuery } from "../../domain/listing";
import type { CatalogStore } from "../../ports/catalog-store";

export interface GuardedStoreOptions {
  log: Logger;
  /** A read's deadline (ms). */
  timeoutMs?: number;
  /** How long the breaker stays open before a trial read (ms). */
  resetTimeoutMs?: number;
  /** Handed the breaker once it is built (its metrics). */
  observeBreaker?: (breaker: ObservedBreaker) => void;
}

type Read = () => Promise<unknown>;

const isAnswer = (err: unknown) =>
  err instanceof Error && ["NotFoundError", "InvalidInputError"].includes(err.name);

export class GuardedCatalogStore implements CatalogStore {
  private readonly breaker: CircuitBreaker<[Read], unknown>;

  constructor(
    private readonly inner: CatalogStore,
    options: GuardedStoreOptions,
  ) {
    this.breaker = new CircuitBreaker<[Read], unknown>((read) => read(), {
      name: "catalog-database",
      timeout: options.timeoutMs ?? 3_000,
      errorThresholdPercentage: 50,
      volumeThreshold: 5,
      resetTimeout: options.resetTimeoutMs ?? 5_000,
      errorFilter: isAnswer,
    });
    this.breaker.on("open", () =>
      options.log.warn("catalog database reads keep failing: circuit open, serving cached answers"),
    );
    this.breaker.on("close", () => options.log.info("catalog database reads work again: circuit closed"));
    options.observeBreaker?.(this.breaker);
  }

  /** A failure, a timeout or an open circuit reaches callers as a 503 with a message for people. */
  private async guard<T>(read: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(read)) as T;
    } catch (err) {
      if (isAnswer(err)) throw err;
      throw new UnavailableError(
        "The catalog cannot reach its database right now; please try again shortly.",
        {
          cause: err,
        },
      );
    }
  }

  categoryTree() {
    return this.guard(() => this.inner.categoryTree());
  }
  listProducts(query: ListingQuery) {
    return this.guard(() => this.inner.listProducts(query));
  }
  productBySlug(slug: string) {
    return this.guard(() => this.inner.productBySlug(slug));
  }
  suggest(q: string, limit: number) {
    return this.guard(() => this.inner.suggest(q, limit));
  }
  /** Carts and checkout read variants live; they fail fast too while the circuit is open. */
  variants(ids: readonly string[]) {
    return this.guard(() => this.inner.variants(ids));
  }
  home() {
    return this.guard(() => this.inner.home());
  }
  sitemap() {
    return this.guard(() => this.inner.sitemap());
  }
  /** The readiness probe asks the database itself, never through the breaker. */
  ping() {
    return this.inner.ping();
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
