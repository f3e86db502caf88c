export { realServer, requireRealServers, SKIP_MARKER, type RealServer } from "./real-server";
export { openSearchApi } from "./opensearch";
export { waitFor } from "./wait-for";
export type { ZipkinSpan } from "./zipkin";
