// The payment worker refuses to take real orders against the payment provider simulator (services/psp):
// in production a PSP_URL left pointing at it would "approve" every test card and charge nobody. The
// simulator says what it is in a `psp-simulator` header on every answer; at start-up the worker asks
// the provider's /healthz and stops when the answer carries it, unless PAYMENT_ALLOW_SIMULATOR (or a
// NODE_ENV other than production) allows it. A provider that cannot be reached at start-up is not held
// against the worker: an unavailable provider is the circuit breaker's business.
import type { Logger } from "@emporium/observability";

export const SIMULATOR_HEADER = "psp-simulator";

export type ProviderIdentity = "simulator" | "provider" | "unreachable";

export class SimulatorRefusedError extends Error {
  constructor(pspUrl: string) {
    super(
      `PSP_URL (${pspUrl}) is the payment provider simulator, which production refuses: point PSP_URL at ` +
        "the real provider, or set PAYMENT_ALLOW_SIMULATOR=true where simulated payments are intended",
    );
    this.name = "SimulatorRefusedError";
  }
}

/** Asks `<pspUrl>/healthz` what answers there. */
export async function identifyProvider(pspUrl: string, timeoutMs: number): Promise<ProviderIdentity> {
  try {
    const res = await fetch(`${pspUrl.replace(/\/+$/, "")}/healthz`, {
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
    await res.body?.cancel();
    return res.headers.has(SIMULATOR_HEADER) ? "simulator" : "provider";
  } catch {
    return "unreachable";
  }
}

/** Throws SimulatorRefusedError when PSP_URL is the simulator and the simulator is not allowed. */
export async function refuseSimulator(options: {
  pspUrl: string;
  allowSimulator: boolean;
  timeoutMs: number;
  log: Logger;
}): Promise<ProviderIdentity> {
  const identity = await identifyProvider(options.pspUrl, options.timeoutMs);
  if (identity === "simulator" && !options.allowSimulator) throw new SimulatorRefusedError(options.pspUrl);
  if (identity === "simulator") options.log.warn({ psp: options.pspUrl }, "payments go to the simulator");
  if (identity === "unreachable")
    options.log.warn({ psp: options.pspUrl }, "payment provider not reachable at start-up");
  return identity;
}
