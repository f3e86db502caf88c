// The client half of redis-tls.int.test.ts, in a process of its own: Node reads NODE_EXTRA_CA_CERTS
// once, when it starts, so trusting a CA that way can only be tried in a fresh process. With REDIS_URL
// (a rediss:// URL) it counts two attempts for KEY through the limiter the services use, then prints
// one JSON line `{"result":…}`; its own log lines (warn and up, JSON) go to stdout before it.
import { createLogger } from "@emporium/observability";
import { waitFor } from "@emporium/testkit";
import { RedisRateLimiter } from "../src";

const { REDIS_URL, KEY_PREFIX, KEY } = process.env;
if (!REDIS_URL || !KEY_PREFIX || !KEY) throw new Error("REDIS_URL, KEY_PREFIX and KEY are required");

const limiter = new RedisRateLimiter({
  points: 5,
  durationSeconds: 60,
  keyPrefix: KEY_PREFIX,
  redisUrl: REDIS_URL,
  log: createLogger({ service: "tls-client", level: "warn" }),
});
await waitFor(() => limiter.shared, { timeoutMs: 20_000, what: "the limiter connected to Redis" });
const decisions = [await limiter.consume(KEY), await limiter.consume(KEY)];
console.log(JSON.stringify({ result: { shared: limiter.shared, decisions } }));
await limiter.close();
