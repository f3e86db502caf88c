import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@emporium/config";
import { PERSISTENT_RETRY } from "@emporium/messaging";
import { paymentEnvSchema } from "./env";

const base = {
  DATABASE_URL: "postgresql://payments@127.0.0.1:5432/emporium",
  KAFKA_BROKERS: "127.0.0.1:9092",
  AMQP_URL: "amqp://127.0.0.1:5672",
};
const retryOf = (value: string | undefined) =>
  parseEnv(paymentEnvSchema, { ...base, PAYMENT_RETRY_DELAYS_MS: value }).PAYMENT_RETRY_DELAYS_MS;

/** The problems a bad PAYMENT_RETRY_DELAYS_MS is refused with. */
function refusal(value: string): string[] {
  try {
    retryOf(value);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error(`PAYMENT_RETRY_DELAYS_MS=${value} was accepted`);
}

describe("PAYMENT_RETRY_DELAYS_MS", () => {
  it("keeps trying for about two hours unless told otherwise (unset or empty)", () => {
    expect(retryOf(undefined)).toEqual(PERSISTENT_RETRY);
    expect(retryOf("")).toEqual(PERSISTENT_RETRY);
  });

  it("reads a comma-separated list of waits in milliseconds", () => {
    expect(retryOf("200,500")).toEqual({ delaysMs: [200, 500] });
    expect(retryOf(" 1000 , 5000,15000 ")).toEqual({ delaysMs: [1000, 5000, 15000] });
    expect(retryOf("250")).toEqual({ delaysMs: [250] });
  });

  it.each(["fast", "200,,500", "200;500", "1.5", "-200", "200,", "2e3"])(
    "refuses %j, naming the variable and the form it takes",
    (value) => {
      expect(refusal(value)).toEqual([
        "PAYMENT_RETRY_DELAYS_MS: must be a comma-separated list of waits in milliseconds, e.g. 1000,5000,15000",
      ]);
    },
  );

  it.each(["0", "200,0", "2147483648"])("refuses a wait a timer cannot hold: %j", (value) => {
    expect(refusal(value)).toEqual([
      "PAYMENT_RETRY_DELAYS_MS: each wait must be from 1 to 2147483647 ms (about 24 days)",
    ]);
  });
});
