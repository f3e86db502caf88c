// MongoDB as the services use it: one fail-fast connection per service with its indexes ensured before
// the first operation, and the errors told apart (unreachable server, duplicate key).
export {
  isDuplicateKey,
  isUnreachable,
  MongoConnection,
  redactedUrl,
  type MongoOptions,
  type MongoUsage,
} from "./connection";
