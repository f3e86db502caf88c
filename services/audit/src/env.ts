// The audit service's configuration, validated once at start-up. The schema is exported so
// docs/configuration.md can be generated from it; `.describe` says what each variable is for.
import { z } from "zod";
import { env, loadEnvOrExit } from "@emporium/config";
import { checkKafkaSecurityEnv, kafkaSecurityEnvShape } from "@emporium/config/kafka";
import { mongoEnvShape } from "@emporium/mongo/env";
import { brokerEnv, logShippingEnvShape } from "@emporium/runtime";
import { tracingEnvShape } from "@emporium/runtime/tracing";

/** The staff audit log's document store: MongoDB when MONGO_URL is set, memory otherwise. */
export const auditMongoEnvShape = mongoEnvShape({
  holds: "the staff audit log (one document per staff action, never changed or removed)",
  defaultDb: "emporium_audit",
  dbHolds: "the audit log is kept in",
  whileUnreachable:
    "answering 503 (activity unavailable); staff actions arriving meanwhile wait on Kafka and are stored once it is back",
});

export const auditEnvSchema = z
  .object({
    ...auditMongoEnvShape,
    KAFKA_BROKERS: brokerEnv.KAFKA_BROKERS.optional().describe(
      "Kafka brokers, host:port[,host:port…]: every service's staff actions arrive on the audit topic. Unset: nothing new is recorded (what is stored can still be read).",
    ),
    ...kafkaSecurityEnvShape,
    // Verifies the tokens the admin signs for staff calls; the same secret as the apps'.
    SERVICE_TOKEN_SECRET: z
      .string({ error: "is required: the same SERVICE_TOKEN_SECRET the apps sign with (32+ characters)" })
      .min(32, "must be at least 32 characters (the same SERVICE_TOKEN_SECRET the apps sign with)")
      .describe("Verifies the tokens the admin signs for staff calls (32+ characters, the same everywhere)."),
    AUDIT_HOST: z.string().default("127.0.0.1").describe("The interface the API listens on."),
    AUDIT_PORT: env.port(4025).describe("The tRPC API (/trpc) and the ops endpoints."),
    ...tracingEnvShape,
    LOG_LEVEL: env.logLevel(),
    LOG_FORMAT: env.logFormat(),
    ...logShippingEnvShape,
    SHUTDOWN_DRAIN_MS: env.drainMs(),
  })
  .superRefine(checkKafkaSecurityEnv);

export type AuditEnv = ReturnType<typeof loadAuditEnv>;

export const loadAuditEnv = (source: NodeJS.ProcessEnv = process.env) =>
  loadEnvOrExit(auditEnvSchema, source);
