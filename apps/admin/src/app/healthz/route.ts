// For Kubernetes' liveness probe.
import { appLiveness } from "@emporium/runtime/draining";

export const dynamic = "force-dynamic";
export const GET = appLiveness;
