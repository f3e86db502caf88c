// The embedded upload permission: the policy (key, content type, size range, expiry) as base64url JSON
// and an HMAC-SHA256 over it, so the upload handler can trust a form the browser hands back without
// keeping any state. Same secret signs and verifies; a changed byte anywhere fails the check.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const POLICY_FIELD = "policy";
export const SIGNATURE_FIELD = "x-emporium-signature";

const signedPolicy = z.strictObject({
  key: z.string().min(1).max(512),
  contentType: z.string().min(1).max(100),
  minBytes: z.number().int().min(0),
  maxBytes: z.number().int().min(0),
  expiresAt: z.number().int(),
});

export type SignedPolicy = z.infer<typeof signedPolicy>;

function hmac(secret: Uint8Array, encoded: string): Buffer {
  return createHmac("sha256", secret).update(`emporium-upload-v1.${encoded}`).digest();
}

export function signPolicy(policy: SignedPolicy, secret: Uint8Array): { policy: string; signature: string } {
  const encoded = Buffer.from(JSON.stringify(policy)).toString("base64url");
  return { policy: encoded, signature: hmac(secret, encoded).toString("base64url") };
}

export class UploadRefusedError extends Error {
  override name = "UploadRefusedError";
  constructor(
    /** S3's error code for the same refusal, so clients handle both adapters alike. */
    readonly code: "AccessDenied" | "EntityTooLarge" | "EntityTooSmall" | "InvalidArgument",
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The policy a form carries, once its signature and expiry check out; throws UploadRefusedError otherwise. */
export function verifyPolicy(
  encoded: string,
  signature: string,
  secret: Uint8Array,
  now: number,
): SignedPolicy {
  const expected = hmac(secret, encoded);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new UploadRefusedError(
      "AccessDenied",
      403,
      "The upload form's signature does not match its policy",
    );
  let parsed: SignedPolicy;
  try {
    parsed = signedPolicy.parse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
  } catch {
    throw new UploadRefusedError("AccessDenied", 403, "The upload policy is not readable");
  }
  if (now >= parsed.expiresAt)
    throw new UploadRefusedError("AccessDenied", 403, "The upload form has expired; ask for a new one");
  return parsed;
}
