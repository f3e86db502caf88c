import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, parseEnv } from "./index";
import { checkKafkaSecurityEnv, kafkaSecurityEnvShape, kafkaSecurityOf } from "./kafka";

const schema = z.object(kafkaSecurityEnvShape).superRefine(checkKafkaSecurityEnv);
const security = (vars: NodeJS.ProcessEnv) => kafkaSecurityOf(parseEnv(schema, vars));
const problems = (vars: NodeJS.ProcessEnv): string[] => {
  try {
    parseEnv(schema, vars);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe("Kafka connection security from the environment", () => {
  it("is plaintext without authentication when nothing is set", () => {
    expect(security({})).toEqual({ ssl: false });
  });

  it("turns on TLS and SASL with their variables", () => {
    expect(
      security({
        KAFKA_SSL: "true",
        KAFKA_SASL_MECHANISM: "scram-sha-512",
        KAFKA_SASL_USERNAME: "orders",
        KAFKA_SASL_PASSWORD: "s3cret",
      }),
    ).toEqual({ ssl: true, sasl: { mechanism: "scram-sha-512", username: "orders", password: "s3cret" } });
  });

  it("names what is missing when a mechanism is given without its credentials", () => {
    expect(problems({ KAFKA_SASL_MECHANISM: "plain", KAFKA_SASL_USERNAME: "orders" })).toEqual([
      "KAFKA_SASL_PASSWORD: is required when KAFKA_SASL_MECHANISM is set",
    ]);
    expect(problems({ KAFKA_SASL_MECHANISM: "plain" })).toHaveLength(2);
  });

  it("names the mechanism when credentials are given without one", () => {
    expect(problems({ KAFKA_SASL_USERNAME: "orders", KAFKA_SASL_PASSWORD: "s3cret" })).toEqual([
      "KAFKA_SASL_MECHANISM: is required when KAFKA_SASL_USERNAME is set (plain, scram-sha-256, scram-sha-512)",
    ]);
  });

  it("refuses an unknown mechanism and an unclear flag by name", () => {
    const found = problems({ KAFKA_SSL: "maybe", KAFKA_SASL_MECHANISM: "gssapi" });
    expect(found.map((p) => p.split(":")[0])).toEqual(["KAFKA_SSL", "KAFKA_SASL_MECHANISM"]);
  });
});
