// Which environment variables infra/gateway/haproxy.cfg reads, and which of them a deployment must
// set: a variable is required when the configuration uses it ("${NAME}") outside every `.if` block
// and gives it no default (`presetenv NAME value`). Variables tested with `.if defined(NAME)` or used
// only inside conditional blocks are optional; the upstreams are required by the deployment's own
// contract (DNS mode: WEB_DNS, ADMIN_DNS, CATALOG_DNS).

export interface HaproxyEnv {
  /** every variable the configuration names */
  referenced: Set<string>;
  /** used unconditionally, with no default */
  required: Set<string>;
}

/** HAProxy sets these itself. */
const builtIn = /^HAPROXY_/;

export function haproxyEnv(cfg: string): HaproxyEnv {
  const referenced = new Set<string>();
  const defaulted = new Set<string>();
  const unconditional = new Set<string>();
  let depth = 0;
  for (const raw of cfg.split("\n")) {
    const line = raw.replace(/^\s*#.*$/, "").trim();
    if (line === "") continue;
    const names = [
      ...[...line.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1] ?? ""),
      ...[...line.matchAll(/defined\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].map((m) => m[1] ?? ""),
    ].filter((n) => !builtIn.test(n));
    for (const n of names) referenced.add(n);
    const preset = /^(?:presetenv|setenv)\s+([A-Za-z_][A-Za-z0-9_]*)\s/.exec(line);
    if (preset?.[1]) {
      defaulted.add(preset[1]);
      referenced.add(preset[1]);
      continue;
    }
    if (/^\.if\b/.test(line)) {
      depth += 1;
      continue;
    }
    if (/^\.endif\b/.test(line)) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (/^\.(elif|else)\b/.test(line)) continue;
    if (depth === 0) for (const n of names) unconditional.add(n);
  }
  return {
    referenced,
    required: new Set([...unconditional].filter((n) => !defaulted.has(n))),
  };
}

/** The gateway's upstreams, named in DNS mode by every deployment (compose and Kubernetes). */
export const upstreamVariables = ["WEB_DNS", "ADMIN_DNS", "CATALOG_DNS"] as const;

/**
 * Problems with one deployment's environment for the gateway: a required variable unset, a variable
 * set that the configuration never reads (a misspelling), or an upstream not in DNS mode.
 */
export function checkGatewayEnv(env: HaproxyEnv, given: Set<string>): string[] {
  const problems: string[] = [];
  for (const name of [...env.required, ...upstreamVariables])
    if (!given.has(name)) problems.push(`${name} is not set (haproxy.cfg needs it)`);
  for (const name of given)
    if ((name.startsWith("GATEWAY_") || name.endsWith("_DNS")) && !env.referenced.has(name))
      problems.push(`${name} is set but haproxy.cfg never reads it`);
  return problems;
}
