// The object-storage variables every process that stores objects reads, and how they become options.
// S3 is used when S3_BUCKET is set; S3_ENDPOINT names an S3-API server (leave it out for AWS itself).
// Static keys come in pairs; without them the SDK's default chain (IAM role, …) applies.
import { z } from "zod";
import type { S3ObjectStoreOptions } from "./s3-object-store";

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export const objectStoreEnv = {
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .optional()
    .describe("An S3-API server (MinIO, S3Proxy, …); leave it out for AWS S3 itself. Needs S3_BUCKET."),
  S3_BUCKET: z
    .string()
    .regex(BUCKET, "must be an S3 bucket name (3-63 of a-z 0-9 . -)")
    .optional()
    .describe("Store objects in this S3 bucket; unset: in a local folder."),
  S3_REGION: z.string().min(1).default("us-east-1").describe("The bucket's region."),
  S3_ACCESS_KEY_ID: z
    .string()
    .min(1)
    .optional()
    .describe("Static S3 key, with S3_SECRET_ACCESS_KEY; unset: the SDK's default chain (IAM role, …)."),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional().describe("The secret of S3_ACCESS_KEY_ID."),
  S3_FORCE_PATH_STYLE: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .describe("Address the bucket by path rather than host name; unset: yes when S3_ENDPOINT is set."),
  S3_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(5_000)
    .describe("Deadline of one call to S3, in milliseconds."),
};

export type ObjectStoreEnv = z.output<z.ZodObject<typeof objectStoreEnv>>;

/** Cross-field rules, for a process schema's `.superRefine(checkObjectStoreEnv)`. */
export function checkObjectStoreEnv(e: ObjectStoreEnv, ctx: z.RefinementCtx): void {
  if (e.S3_ENDPOINT && !e.S3_BUCKET)
    ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when S3_ENDPOINT is set" });
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY))
    ctx.addIssue({
      code: "custom",
      path: [e.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"],
      message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all",
    });
}

/** The S3 options the variables describe, or undefined when S3 is not configured. */
export function s3OptionsFromEnv(e: ObjectStoreEnv): S3ObjectStoreOptions | undefined {
  if (!e.S3_BUCKET) return undefined;
  return {
    bucket: e.S3_BUCKET,
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle:
      e.S3_FORCE_PATH_STYLE === undefined
        ? Boolean(e.S3_ENDPOINT)
        : e.S3_FORCE_PATH_STYLE === "1" || e.S3_FORCE_PATH_STYLE === "true",
    timeoutMs: e.S3_TIMEOUT_MS,
  };
}
