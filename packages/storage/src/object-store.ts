// The object-storage port: product images, packing slips, uploads. Keys are relative paths such as
// "products/linen-shirt/1-navy.webp"; adapters map them to a folder or to an S3 bucket.

export interface StoredObject {
  body: Buffer;
  contentType: string;
  size: number;
}

export interface ObjectStore {
  /** Stores bytes under a key, replacing what was there. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or null when the key does not exist. */
  get(key: string): Promise<StoredObject | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** A short description safe to log. */
  readonly description: string;
}

/**
 * Stores that can clear out old objects under a prefix (abandoned staged uploads, say). Not part of
 * ObjectStore itself, so a stand-in store in a test need not implement it.
 */
export interface SweepableStore {
  /** Deletes every object under `prefix` last written before `cutoff`; returns how many went. */
  deleteOlderThan(prefix: string, cutoff: Date): Promise<number>;
}

export function canSweep<T extends ObjectStore>(store: T): store is T & SweepableStore {
  return "deleteOlderThan" in store && typeof store.deleteOlderThan === "function";
}

/** A prefix names a folder of keys: "uploads/". */
export function assertValidPrefix(prefix: string): void {
  if (!prefix.endsWith("/"))
    throw new InvalidObjectKeyError(`a prefix ends with "/": ${JSON.stringify(prefix)}`);
  assertValidKey(prefix.slice(0, -1));
}

export class InvalidObjectKeyError extends Error {
  override name = "InvalidObjectKeyError";
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** Rejects keys that could escape a folder or confuse a bucket ("..", absolute paths, odd characters). */
export function assertValidKey(key: string): void {
  if (
    key.length === 0 ||
    key.length > 512 ||
    !KEY.test(key) ||
    key.split("/").some((p) => p === ".." || p === ".")
  )
    throw new InvalidObjectKeyError(`invalid object key: ${JSON.stringify(key.slice(0, 80))}`);
}
