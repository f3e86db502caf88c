// Prometheus's scrape of this admin process: Node's default metrics, labelled service="admin". The
// gateway refuses /metrics from outside.
import { metricsRoute } from "@emporium/observability/metrics";

export const dynamic = "force-dynamic";
export const GET = metricsRoute("admin");
