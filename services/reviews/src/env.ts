// The reviews service's configuration, validated once at start-up. The schema is exported so
// docs/configuration.md can be generated from it; `.describe` says what each variable is for.
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { checkKafkaSecurityEnv, kafkaSecurityEnvShape } from "@emporium/config/kafka";
import { mongoEnvShape as mongoEnvShapeOf } from "@emporium/mongo/env";
import { brokerEnv } from "@emporium/runtime";
import { rateLimitEnvShape } from "@emporium/service-kit/limits";

/** The document store, shared with the development host: MongoDB when MONGO_URL is set, memory otherwise. */
export const mongoEnvShape = mongoEnvShapeOf({
  holds: "reviews, helpful votes and purchases",
  defaultDb: "emporium_reviews",
  dbHolds: "the reviews are kept in",
  whileUnreachable: "answering 503 (reviews unavailable)",
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
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
  })
  .superRefine(checkKafkaSecurityEnv);

export type ReviewsEnv = ReturnType<typeof loadReviewsEnv>;

export const loadReviewsEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvOrExit(reviewsEnvSchema, source);
