// `Bearer <token>` naming a signed-in shopper to the backends, valid for a minute. The key is read once.
import { serviceTokenKey, signServiceToken, type SignedPrincipal } from "@emporium/auth";
import { env } from "@/env";

let key: Uint8Array | null = null;

export async function bearerFor(principal: SignedPrincipal): Promise<string> {
  key ??= serviceTokenKey(env.SERVICE_TOKEN_SECRET, env.EMPORIUM_DATA_DIR);
  return `Bearer ${await signServiceToken(principal, key)}`;
}
