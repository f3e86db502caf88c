/** A span as Zipkin's v2 API answers it (GET /api/v2/trace/<id>, /api/v2/traces). */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name: string;
  kind?: "SERVER" | "CLIENT" | "PRODUCER" | "CONSUMER";
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}
