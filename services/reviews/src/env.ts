// The reviews service's configuration, validated once at start-up. The schema is exported so
// docs/configuration.md can be generated from it; `.describe` says what each variable is for.
import path from "node:path";
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { checkKafkaSecurityEnv, kafkaSecurityEnvShape } from "@emporium/config/kafka";
import { mongoEnvShape as mongoEnvShapeOf } from "@emporium/mongo/env";
import { brokerEnv, logShippingEnvShape } from "@emporium/runtime";
import { limitEnv, limitOf, rateLimitEnvShape } from "@emporium/service-kit/limits";
import { checkObjectStoreEnv, objectStoreEnv, s3OptionsFromEnv } from "@emporium/storage";
import { DEFAULT_PHOTO_UPLOAD_LIMIT } from "./domain/photos";
import { tracingEnvShape } from "@emporium/runtime/tracing";

/** The document store, shared with the development host: MongoDB when MONGO_URL is set, memory otherwise. */
export const mongoEnvShape = mongoEnvShapeOf({
  holds: "reviews, helpful votes and purchases",
  defaultDb: "emporium_reviews",
  dbHolds: "the reviews are kept in",
  whileUnreachable: "answering 503 (reviews unavailable)",
});

/** Photo uploads one shopper may start per window. */
export const photoUploadsEnvShape = limitEnv("REVIEW_PHOTO_UPLOADS", DEFAULT_PHOTO_UPLOAD_LIMIT, {
  attempts: "Review photo uploads one shopper may start per window.",
  window: "The photo-uploads window, from a shopper's first counted upload.",
});

export const reviewsEnvSchema = z
  .object({
    ...mongoEnvShape,
    KAFKA_BROKERS: brokerEnv.KAFKA_BROKERS.optional().describe(
      "Kafka brokers, host:port[,host:port…]; when set, deliveries on the orders topic make products reviewable and rating summaries are published on the reviews topic.",
    ),
    ...kafkaSecurityEnvShape,
    CATALOG_URL: env
      .httpUrl()
      .default("http://127.0.0.1:4001/trpc")
      .describe("The catalog's tRPC endpoint, asked which product each ordered variant is of."),
    // Verifies the tokens the apps sign for shopper and staff calls; the same secret as theirs.
    SERVICE_TOKEN_SECRET: z
      .string({ error: "is required: the same SERVICE_TOKEN_SECRET the apps sign with (32+ characters)" })
      .min(32, "must be at least 32 characters (the same SERVICE_TOKEN_SECRET the apps sign with)")
      .describe(
        "Verifies the tokens the apps sign for shopper and staff calls (32+ characters, the same everywhere).",
      ),
    REVIEWS_HOST: z.string().default("127.0.0.1").describe("The interface the API listens on."),
    REVIEWS_PORT: env.port(4024).describe("The tRPC API (/trpc) and the ops endpoints."),
    ...rateLimitEnvShape,
    ...photoUploadsEnvShape,
    // Review photos on S3 when S3_BUCKET is set, else in REVIEW_PHOTOS_DIR.
    ...objectStoreEnv,
    S3_BUCKET: objectStoreEnv.S3_BUCKET.describe(
      "Review photos in this private S3 bucket (not the public media one: a photo of a review not approved must not be readable); unset: in REVIEW_PHOTOS_DIR.",
    ),
    S3_PUBLIC_ENDPOINT: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .optional()
      .describe("The S3 address photo uploads are sent to, when it differs from S3_ENDPOINT."),
    EMPORIUM_DATA_DIR: z
      .string()
      .default(".data")
      .describe(
        "Where embedded data lives (relative to the working directory); the default home of REVIEW_PHOTOS_DIR and generated secrets.",
      ),
    REVIEW_PHOTOS_DIR: z
      .string()
      .optional()
      .describe("Review photos without S3; unset: <EMPORIUM_DATA_DIR>/review-photos."),
    REVIEW_PHOTO_UPLOAD_URL: env
      .httpUrl()
      .optional()
      .describe(
        "Without S3: where the storefront posts signed photo forms; unset: this service's own /uploads at REVIEWS_HOST:REVIEWS_PORT.",
      ),
    REVIEW_PHOTO_UPLOAD_SECRET: env
      .secret()
      .optional()
      .describe(
        "Signs those upload forms (32+ characters); unset: one generated once under EMPORIUM_DATA_DIR.",
      ),
    ...tracingEnvShape,
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
    ...logShippingEnvShape,
    SHUTDOWN_DRAIN_MS: env.drainMs(),
  })
  .superRefine(checkObjectStoreEnv)
  .superRefine(checkKafkaSecurityEnv);

export type ReviewsEnv = ReturnType<typeof loadReviewsEnv>;

export function loadReviewsEnv(source: NodeJS.ProcessEnv = process.env) {
  const e = loadEnvOrExit(reviewsEnvSchema, source);
  const dataDir = path.resolve(e.EMPORIUM_DATA_DIR);
  return {
    ...e,
    EMPORIUM_DATA_DIR: dataDir,
    REVIEW_PHOTOS_DIR: path.resolve(e.REVIEW_PHOTOS_DIR ?? path.join(dataDir, "review-photos")),
    REVIEW_PHOTO_UPLOAD_URL:
      e.REVIEW_PHOTO_UPLOAD_URL ?? `http://${e.REVIEWS_HOST}:${e.REVIEWS_PORT}/uploads`,
    photosS3: s3OptionsFromEnv(e),
    photoUploads: limitOf(e, "REVIEW_PHOTO_UPLOADS"),
  };
}
