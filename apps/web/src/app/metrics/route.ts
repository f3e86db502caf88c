// Prometheus's scrape of this storefront process: Node's default metrics and the web vitals the
// browsers report (/api/vitals), labelled service="web". The gateway refuses /metrics from outside.
import { metricsRoute } from "@emporium/observability/metrics";

export const dynamic = "force-dynamic";
export const GET = metricsRoute("web");
