// The operational HTTP endpoints every process serves: /healthz (alive), /readyz (dependencies
// reachable), /metrics (Prometheus). The shared HTTP server (./http.ts) mounts them after its routes.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServiceMetrics } from "@emporium/observability";
import { DRAINING_BODY, isDraining } from "./draining";

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /**
   * The process still does useful work without it (the catalog serves its cached answers while its
   * database is down): its failure is reported as "degraded" but the process stays ready (200), so a
   * load balancer keeps sending it traffic.
   */
  optional?: boolean;
}

/** Whether a process takes work yet, and what it is doing while it does not ("seeding: 40%"). */
export interface Readiness {
  ready: boolean;
  detail: string;
}

export function opsHandler(
  metrics: ServiceMetrics,
  checks: readonly ReadinessCheck[],
  readiness?: Readiness,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return true;
    }
    if (path === "/readyz") {
      if (isDraining()) {
        res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify(DRAINING_BODY));
        return true;
      }
      if (readiness && !readiness.ready) {
        res
          .writeHead(503, { "content-type": "application/json" })
          .end(JSON.stringify({ status: "starting", detail: readiness.detail }));
        return true;
      }
      const failed: string[] = [];
      let required = 0;
      await Promise.all(
        checks.map(async (c) => {
          try {
            await c.check();
          } catch {
            failed.push(c.name);
            if (!c.optional) required++;
          }
        }),
      );
      // `checked` names every dependency looked at, so an operator (and the admin's operations console)
      // sees what "ready" covers: the database, the brokers, the caches this process needs.
      const checked = checks.map((c) => c.name);
      res
        .writeHead(required ? 503 : 200, { "content-type": "application/json" })
        .end(
          JSON.stringify(
            failed.length ? { status: "degraded", failing: failed, checked } : { status: "ready", checked },
          ),
        );
      return true;
    }
    if (path === "/metrics") {
      const { contentType, body } = await metrics.render();
      res.writeHead(200, { "content-type": contentType }).end(body);
      return true;
    }
    return false;
  };
}
