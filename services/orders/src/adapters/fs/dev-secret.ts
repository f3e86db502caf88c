// The orders service's signing secret: ORDERS_SECRET in production (required there). On a developer's
// machine with embedded defaults, a random secret is generated once and kept under the data folder —
// never a fixed default that every installation would share.
import { loadOrCreateDevSecret as devSecret } from "@emporium/auth";

export function loadOrCreateDevSecret(dataDir: string): Buffer {
  return devSecret(dataDir, "orders");
}
