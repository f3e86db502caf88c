// For the gateway's health checks and Kubernetes' readiness probe (503 while draining on SIGTERM).
import { appReadiness } from "@emporium/runtime/draining";

export const dynamic = "force-dynamic";
export const GET = appReadiness;
