// HAProxy with the repository's gateway configuration (infra/gateway/haproxy.cfg), configured only
// through the environment, as compose and Kubernetes run it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { requireRealServers, SKIP_MARKER, waitFor } from "@emporium/testkit";
import { Instance, REPO_DIR } from "./instance";

export const GATEWAY_CONFIG = path.join(REPO_DIR, "infra/gateway/haproxy.cfg");
const run = promisify(execFile);

/** The haproxy binary, or undefined (with the skip marker) when it is missing outside CI. */
export function haproxyBinary(suite: string): string | undefined {
  const found = ["/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"].find((p) =>
    existsSync(p),
  );
  if (found) return found;
  if (requireRealServers())
    throw new Error(
      `haproxy is not installed but REQUIRE_REAL_SERVERS=1: "${suite}" needs it (apt-get install haproxy)`,
    );
  console.warn(`${SKIP_MARKER}: "${suite}" (install the Debian package haproxy to run it)`);
  return undefined;
}

/** `haproxy -c` of the configuration with `env`; resolves with its output, rejects with it on failure. */
export async function checkConfig(binary: string, env: Record<string, string>): Promise<string> {
  try {
    const { stdout, stderr } = await run(binary, ["-c", "-f", GATEWAY_CONFIG], {
      env: { PATH: process.env.PATH, ...env },
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`haproxy -c failed:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
  }
}

export interface GatewayPorts {
  http: number;
  https: number;
  metrics: number;
}

/** Starts haproxy in the foreground (-db), its log (one line per request) in `logFile`. */
export async function startGateway(options: {
  binary: string;
  name: string;
  env: Record<string, string>;
  ports: GatewayPorts;
  logFile: string;
}): Promise<Instance> {
  const { binary, ports } = options;
  const env = {
    PATH: process.env.PATH ?? "",
    GATEWAY_BIND_ADDRESS: "127.0.0.1",
    GATEWAY_HTTP_PORT: String(ports.http),
    GATEWAY_HTTPS_PORT: String(ports.https),
    GATEWAY_METRICS_PORT: String(ports.metrics),
    GATEWAY_PUBLIC_HTTPS_PORT: String(ports.https),
    ...options.env,
  };
  await checkConfig(binary, env);
  const gateway = new Instance(options.name, binary, ["-db", "-f", GATEWAY_CONFIG], {
    cwd: REPO_DIR,
    env,
    logFile: options.logFile,
  });
  gateway.start();
  await waitFor(
    async () => {
      if (gateway.exited()) throw new Error(`${options.name} exited:\n${gateway.tail()}`);
      return (await fetch(`http://127.0.0.1:${ports.metrics}/metrics`)).ok;
    },
    { timeoutMs: 10_000, intervalMs: 100, what: `${options.name} to serve /metrics` },
  );
  return gateway;
}

/** One sample from HAProxy's Prometheus exporter, e.g. haproxy_server_check_status for one server. */
export async function metric(
  metricsPort: number,
  name: string,
  labels: Record<string, string>,
): Promise<number | undefined> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf("}"));
    if (wanted.every((w) => labelText.split(",").includes(w)))
      return Number(line.slice(line.indexOf("}") + 1));
  }
  return undefined;
}
