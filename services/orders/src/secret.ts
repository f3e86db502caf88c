// The orders service's signing secret: ORDERS_SECRET in production (required there). On a developer's
// machine with embedded defaults, a random secret is generated once and kept under the data folder —
// never a fixed default that every installation would share.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function loadOrCreateDevSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, "secrets", "orders.key");
  try {
    return Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
  } catch {
    const secret = randomBytes(32);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, secret.toString("base64url"), { mode: 0o600 });
    return secret;
  }
}
