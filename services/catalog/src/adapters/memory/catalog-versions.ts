// The embedded version counters: kept in this process, every "replica" built on one MemoryVersionBus
// (one process in npm run dev; several in the contract suite) hears each bump at once.
import type { CatalogVersions } from "../../ports/cache";

export class MemoryVersionBus {
  readonly versions = new Map<string, number>();
  readonly replicas = new Set<MemoryCatalogVersions>();
}

export class MemoryCatalogVersions implements CatalogVersions {
  readonly coordinated = true;
  private readonly listeners: ((scopes: readonly string[]) => void)[] = [];

  constructor(private readonly bus: MemoryVersionBus = new MemoryVersionBus()) {}

  async read(scopes: readonly string[]): Promise<string[]> {
    return scopes.map((s) => String(this.bus.versions.get(s) ?? 0));
  }

  async bump(scopes: readonly string[]): Promise<void> {
    for (const s of scopes) this.bus.versions.set(s, (this.bus.versions.get(s) ?? 0) + 1);
    for (const replica of this.bus.replicas) replica.changed(scopes);
  }

  onChange(listener: (scopes: readonly string[]) => void): void {
    this.listeners.push(listener);
  }

  private changed(scopes: readonly string[]): void {
    for (const l of this.listeners) l(scopes);
  }

  async start(): Promise<void> {
    this.bus.replicas.add(this);
  }

  async close(): Promise<void> {
    this.bus.replicas.delete(this);
  }
}
