// Checks docker-compose.yml's gateway without a Docker engine (CI has none): the file is read as
// compose reads it (YAML merge keys, `${VAR:-default}` with an empty environment), and the gateway
// must run the official HAProxy 2.6 image on the repository's haproxy.cfg (read-only) with every
// variable that configuration needs, a certificate from the one-shot gateway-cert service, its
// upstreams as compose service names (docker's DNS returns every instance) that are health-checked
// on the same /readyz, and web, admin and catalog free to run as several instances (no host port, no
// container_name). Both apps' public addresses must be the gateway's https hosts.
import { parse } from "yaml";
import { checkGatewayEnv, haproxyEnv, upstreamVariables } from "./haproxy-env.ts";
import { arr, at, isObj, obj, type Obj } from "./yaml-access.ts";

/** `${NAME:-default}`, `${NAME-default}` and `${NAME}` as compose reads them with nothing set; `$$` is `$`. */
export function interpolate(value: string): string {
  return value
    .replace(
      /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}/g,
      (_, fallback: string | undefined) => fallback ?? "",
    )
    .replace(/\$\$/g, "$");
}

/** A service's environment as a map (compose accepts a mapping or a list of NAME=value). */
function environment(service: Obj): Map<string, string> {
  const env = service.environment;
  const entries: [string, string][] = Array.isArray(env)
    ? env.map((e) => {
        const [name = "", ...rest] = String(e).split("=");
        return [name, rest.join("=")];
      })
    : Object.entries(obj(env)).map(([k, v]) => [k, v === null ? "" : String(v)]);
  return new Map(entries.map(([k, v]) => [k, interpolate(v)]));
}

/** Short-syntax volume entries as { source, target, readOnly }. */
function volumes(service: Obj): { source: string; target: string; readOnly: boolean }[] {
  return arr(service.volumes).flatMap((v) => {
    if (typeof v !== "string") return [];
    const [source = "", target = "", mode = ""] = v.split(":");
    return [{ source, target, readOnly: mode.split(",").includes("ro") }];
  });
}

export function checkComposeGateway(composeText: string, haproxyCfg: string): string[] {
  const problems: string[] = [];
  const fail = (msg: string) => problems.push(`docker-compose.yml: ${msg}`);
  const compose = obj(parse(composeText, { merge: true }));
  const services = obj(compose.services);
  const gateway = obj(services.gateway);
  if (Object.keys(gateway).length === 0) {
    fail("no gateway service");
    return problems;
  }

  if (!/^haproxy:2\.6(\.\d+)?$/.test(String(gateway.image)))
    fail(`gateway: image should be the official haproxy on the 2.6 line, is ${String(gateway.image)}`);
  const mounts = volumes(gateway);
  const config = mounts.find((m) => m.target === "/usr/local/etc/haproxy/haproxy.cfg");
  if (config?.source !== "./infra/gateway/haproxy.cfg" || !config.readOnly)
    fail("gateway: must mount ./infra/gateway/haproxy.cfg read-only at /usr/local/etc/haproxy/haproxy.cfg");

  const env = environment(gateway);
  for (const p of checkGatewayEnv(haproxyEnv(haproxyCfg), new Set(env.keys()))) fail(`gateway: ${p}`);

  // the certificate: a file in a volume that the one-shot gateway-cert service fills
  const cert = env.get("GATEWAY_CERT") ?? "";
  const certMount = mounts.find((m) => cert.startsWith(`${m.target}/`));
  const maker = obj(services["gateway-cert"]);
  const makerMount = volumes(maker).find((m) => m.source === certMount?.source);
  if (!certMount || !certMount.readOnly)
    fail(`gateway: GATEWAY_CERT (${cert}) must lie in a volume mounted read-only`);
  else if (!makerMount) fail(`gateway-cert: must write the gateway's certificate volume ${certMount.source}`);
  else {
    const file = `${makerMount.target}${cert.slice(certMount.target.length)}`;
    const script = arr(maker.command).map(String).join("\n");
    if (!script.includes(file)) fail(`gateway-cert: its command does not write ${file}`);
    for (const host of ["GATEWAY_SHOP_HOST", "GATEWAY_ADMIN_HOST"])
      if (!script.includes(`DNS:$$${host}`) || !environment(maker).has(host))
        fail(`gateway-cert: the certificate must name ${host} (subjectAltName), from its environment`);
  }
  if (at(gateway, "depends_on", "gateway-cert", "condition") !== "service_completed_successfully")
    fail("gateway: must wait for gateway-cert (condition: service_completed_successfully)");
  for (const host of ["GATEWAY_SHOP_HOST", "GATEWAY_ADMIN_HOST"])
    if (environment(maker).get(host) !== env.get(host)) fail(`gateway-cert and gateway disagree on ${host}`);

  // published ports: 80 and 443 in front of the configuration's listeners
  const published = arr(gateway.ports).map(String);
  const listener = (name: string, fallback: string) =>
    env.get(name) ?? presetDefault(haproxyCfg, name) ?? fallback;
  for (const [port, variable] of [
    ["80", "GATEWAY_HTTP_PORT"],
    ["443", "GATEWAY_HTTPS_PORT"],
  ] as const) {
    const inner = listener(variable, "");
    if (!published.some((p) => p.endsWith(`:${port}:${inner}`)))
      fail(`gateway: should publish ${port} to ${variable} (${inner}), publishes ${published.join(", ")}`);
  }
  if (!isObj(gateway.healthcheck)) fail("gateway: no healthcheck");

  // the upstreams: compose services, health-checked on the port and path the gateway checks
  const upstreams: Record<(typeof upstreamVariables)[number], string> = {
    WEB_DNS: "web",
    ADMIN_DNS: "admin",
    CATALOG_DNS: "catalog",
  };
  for (const [variable, name] of Object.entries(upstreams)) {
    const value = env.get(variable) ?? "";
    const [host = "", port = ""] = value.split(":");
    const service = obj(services[host]);
    if (host !== name || Object.keys(service).length === 0 || !/^\d+$/.test(port)) {
      fail(`gateway: ${variable} should be ${name}:<port> (the compose service), is ${value}`);
      continue;
    }
    const probe = arr(at(service, "healthcheck", "test"))
      .map(String)
      .join(" ");
    if (!probe.includes(`127.0.0.1:${port}/readyz`))
      fail(`${name}: its healthcheck should ask 127.0.0.1:${port}/readyz, as the gateway does`);
    if (service.ports !== undefined) fail(`${name}: publishes a host port, so it cannot be scaled`);
    if (service.container_name !== undefined) fail(`${name}: has a container_name, so it cannot be scaled`);
    if (!(Number(environment(service).get("SHUTDOWN_DRAIN_MS")) > 0))
      fail(`${name}: SHUTDOWN_DRAIN_MS should be set, so that the gateway drops it before it stops`);
  }

  // the apps' public addresses are the gateway's hosts over https
  const shop = env.get("GATEWAY_SHOP_HOST");
  const admin = env.get("GATEWAY_ADMIN_HOST");
  const expectUrl = (service: string, variable: string, host: string | undefined) => {
    const value = environment(obj(services[service])).get(variable);
    if (!host || value !== `https://${host}`)
      fail(
        `${service}: ${variable} should be https://${String(host)} (the gateway's host), is ${String(value)}`,
      );
  };
  expectUrl("web", "NEXTAUTH_URL", shop);
  expectUrl("web", "SITE_URL", shop);
  expectUrl("admin", "NEXTAUTH_URL", admin);
  return problems;
}

/** The default a `presetenv NAME value` line gives in haproxy.cfg. */
function presetDefault(cfg: string, name: string): string | undefined {
  return new RegExp(`^\\s*presetenv\\s+${name}\\s+(\\S+)`, "m").exec(cfg)?.[1];
}
