// How a process reaches its Kafka brokers securely — the same four variables wherever a Kafka client is
// built: TLS (KAFKA_SSL) and SASL authentication (mechanism, user name, password). A broker's
// certificate is checked like every other TLS server the services talk to: against Node's own CA list
// plus the PEM bundle in NODE_EXTRA_CA_CERTS (docs/configuration.md, "TLS to backing servers").
import { z } from "zod";
import { env } from "./index";

export const KAFKA_SASL_MECHANISMS = ["plain", "scram-sha-256", "scram-sha-512"] as const;

export const kafkaSecurityEnvShape = {
  KAFKA_SSL: env
    .flag(false)
    .describe(
      "Talk to the Kafka brokers over TLS, checking their certificates against Node's CAs and NODE_EXTRA_CA_CERTS.",
    ),
  KAFKA_SASL_MECHANISM: z
    .enum(KAFKA_SASL_MECHANISMS)
    .optional()
    .describe(
      "SASL authentication with the brokers (plain, scram-sha-256 or scram-sha-512), with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD; unset: none. Use it with KAFKA_SSL: plain sends the password as written.",
    ),
  KAFKA_SASL_USERNAME: z.string().optional().describe("The SASL user name (with KAFKA_SASL_MECHANISM)."),
  KAFKA_SASL_PASSWORD: z.string().optional().describe("The SASL password (with KAFKA_SASL_MECHANISM)."),
};

export type KafkaSecurityEnv = z.output<z.ZodObject<typeof kafkaSecurityEnvShape>>;

/** What a Kafka client is built with (kafkajs's `ssl` and `sasl` options). */
export interface KafkaSecurity {
  ssl: boolean;
  sasl?: { mechanism: (typeof KAFKA_SASL_MECHANISMS)[number]; username: string; password: string };
}

/** Cross-field rules, for a process schema's `.superRefine(checkKafkaSecurityEnv)`. */
export function checkKafkaSecurityEnv(e: KafkaSecurityEnv, ctx: z.RefinementCtx): void {
  const credentials = ["KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD"] as const;
  if (e.KAFKA_SASL_MECHANISM) {
    for (const name of credentials)
      if (!e[name])
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: "is required when KAFKA_SASL_MECHANISM is set",
        });
    return;
  }
  const given = credentials.find((name) => e[name]);
  if (given)
    ctx.addIssue({
      code: "custom",
      path: ["KAFKA_SASL_MECHANISM"],
      message: `is required when ${given} is set (${KAFKA_SASL_MECHANISMS.join(", ")})`,
    });
}

/** The client options the variables describe (after checkKafkaSecurityEnv passed). */
export function kafkaSecurityOf(e: KafkaSecurityEnv): KafkaSecurity {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = e;
  return mechanism && username && password
    ? { ssl: e.KAFKA_SSL, sasl: { mechanism, username, password } }
    : { ssl: e.KAFKA_SSL };
}
