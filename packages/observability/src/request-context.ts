// Request and trace ids: taken from the incoming headers when a caller sent them (W3C traceparent,
// x-request-id), otherwise made up, so every log line of a request can be found together.
import { randomBytes, randomUUID } from "node:crypto";

export interface RequestIds {
  requestId: string;
  traceId: string;
  spanId: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdsFrom(headers: Record<string, string | string[] | undefined>): RequestIds {
  const header = (name: string): string | undefined => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const incomingRequestId = header("x-request-id");
  const trace = TRACEPARENT.exec(header("traceparent") ?? "");
  return {
    requestId: incomingRequestId && REQUEST_ID.test(incomingRequestId) ? incomingRequestId : randomUUID(),
    traceId: trace?.[1] ?? randomBytes(16).toString("hex"),
    spanId: randomBytes(8).toString("hex"),
  };
}

export function traceparentOf(ids: RequestIds): string {
  return `00-${ids.traceId}-${ids.spanId}-01`;
}
