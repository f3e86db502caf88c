// Validates infra/k8s and infra/gateway without a cluster: every YAML parses, every kustomization's
// references exist, and each rendered target (`kubectl kustomize` on base and every overlay) meets the
// project's rules — probes, resources and a non-root security context on every workload, Services and
// policies that select real pods, each shared store (Redis, Memcached, MongoDB) reachable only by the
// services that use it, every in-namespace service a pod is given the URL of reachable through both
// sides' NetworkPolicies, the gateway (HAProxy: its ConfigMap is haproxy.cfg, every variable it needs
// set, headless upstreams, TLS from a Secret that names its hosts, both apps' public https URLs on those
// hosts), and the pieces each environment must have. The NetworkPolicies of every overlay must allow
// exactly the flows of the table in infra/k8s/README.md (k8s-flows.ts). docker-compose.yml's gateway is
// checked too (compose-gateway.ts): CI has no Docker engine.
// Run: `npx tsx .ci/check-k8s.ts` (from .ci/run). Needs kubectl (it bundles kustomize) for the render
// checks; without it they fail under CI=true and are reported as not run otherwise.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { checkComposeGateway } from "./compose-gateway.ts";
import { checkGatewayEnv, haproxyEnv, upstreamVariables } from "./haproxy-env.ts";
import { allowedFlows, compareFlows, expectedFlows, parseFlowTable, workloads } from "./k8s-flows.ts";
import { deploymentContainer, envSource } from "./k8s-env.ts";
import { identityMailProblems } from "./k8s-identity-mail.ts";
import { arr, at, isObj, obj, str, type Obj } from "./yaml-access.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const k8sDir = path.join(root, "infra", "k8s");
const gatewayDir = path.join(root, "infra", "gateway");
const haproxyCfg = readFileSync(path.join(gatewayDir, "haproxy.cfg"), "utf8");
const problems: string[] = [];
const notes: string[] = [];

function fail(where: string, msg: string): void {
  problems.push(`${where}: ${msg}`);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function parseDocs(text: string, where: string): Obj[] {
  const docs: Obj[] = [];
  for (const doc of parseAllDocuments(text)) {
    for (const err of doc.errors) fail(where, `YAML error: ${err.message}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (!isObj(value)) fail(where, "document is not a mapping");
    else docs.push(value);
  }
  return docs;
}

// ---- 1. static: every file parses; every kustomization reference exists ----
const files = [...walk(k8sDir), ...walk(gatewayDir)];
const kustomizations: string[] = [];
for (const file of files) {
  const rel = path.relative(root, file);
  const docs = parseDocs(readFileSync(file, "utf8"), rel);
  if (path.basename(file) !== "kustomization.yaml") continue;
  kustomizations.push(path.dirname(file));
  const k = docs[0] ?? {};
  const dir = path.dirname(file);
  const refs: string[] = [
    ...arr(k.resources).flatMap((r) => str(r) ?? []),
    ...arr(k.components).flatMap((r) => str(r) ?? []),
    ...arr(k.patches).flatMap((p) => str(at(p, "path")) ?? []),
  ];
  for (const ref of refs) {
    if (/^[a-z]+:\/\//.test(ref)) continue;
    const target = path.resolve(dir, ref);
    if (!existsSync(target)) fail(rel, `references missing ${ref}`);
    else if (statSync(target).isDirectory() && !existsSync(path.join(target, "kustomization.yaml")))
      fail(rel, `directory ${ref} has no kustomization.yaml`);
  }
}

// ---- 2. rendered targets ----
const overlaysDir = path.join(k8sDir, "overlays");
const targets = ["base", ...readdirSync(overlaysDir).map((d) => path.join("overlays", d))];
// Secrets an environment expects the operator to create (documented in that overlay).
const externalSecrets: Record<string, string[]> = {
  base: [
    "catalog-database",
    "orders-secret",
    "amqp-url",
    "service-token",
    "admin-session",
    "web-session",
    "redis-url",
    "mongo-url",
    "gateway-tls",
  ],
  "overlays/prod": [
    "catalog-database",
    "orders-secret",
    "amqp-url",
    "fulfillment-s3",
    "service-token",
    "admin-session",
    "web-session",
    "payment-provider",
    "identity-smtp",
    "catalog-s3",
    "reviews-s3",
    "redis-url",
    "mongo-url",
    "gateway-tls",
  ],
};

// The shared stores (issue 15): which services may reach each, the label that opens the way (the base's
// allow-<store>-egress, the store's own ingress policy in components/stores), and the variable that
// tells a service where the store is. A pod has the label exactly when it has the variable.
const stores: Record<string, { label: string; env: string; port: number; users: string[] }> = {
  redis: {
    label: "emporium.io/redis-client",
    env: "REDIS_URL",
    port: 6379,
    users: ["catalog", "identity", "orders"],
  },
  memcached: {
    label: "emporium.io/memcached-client",
    env: "MEMCACHED_SERVERS",
    port: 11211,
    users: ["catalog"],
  },
  mongo: { label: "emporium.io/mongo-client", env: "MONGO_URL", port: 27017, users: ["reviews", "audit"] },
};

const kubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" });
const haveKubectl = kubectl.status === 0;

interface PodOwner {
  kind: string;
  name: string;
  labels: Obj;
  spec: Obj;
}

function podOwners(objects: Obj[]): PodOwner[] {
  return objects.flatMap((o) => {
    const kind = str(o.kind) ?? "";
    if (!["Deployment", "StatefulSet", "Job", "DaemonSet"].includes(kind)) return [];
    return [
      {
        kind,
        name: str(at(o, "metadata", "name")) ?? "?",
        labels: obj(at(o, "spec", "template", "metadata", "labels")),
        spec: obj(at(o, "spec", "template", "spec")),
      },
    ];
  });
}

function matches(selector: Obj, labels: Obj): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

function probePath(probe: unknown): string | undefined {
  return str(at(probe, "httpGet", "path"));
}

const expectedProbes: Record<string, { liveness: string; readiness: string }> = {
  catalog: { liveness: "/healthz", readiness: "/readyz" },
  web: { liveness: "/healthz", readiness: "/readyz" },
  admin: { liveness: "/healthz", readiness: "/readyz" },
  reviews: { liveness: "/healthz", readiness: "/readyz" },
  audit: { liveness: "/healthz", readiness: "/readyz" },
};

function checkRender(target: string, objects: Obj[]): void {
  const where = `render ${target}`;
  // (generated ConfigMaps/Secrets carry a hash suffix; kustomize rewrites references to it, so exact match works)
  const named = (kind: string, name: string): Obj | undefined =>
    objects.find((o) => o.kind === kind && at(o, "metadata", "name") === name);
  const owners = podOwners(objects);

  for (const o of owners) {
    const w = `${where} ${o.kind}/${o.name}`;
    const podSc = obj(o.spec.securityContext);
    if (at(podSc, "seccompProfile", "type") !== "RuntimeDefault")
      fail(w, "pod seccompProfile must be RuntimeDefault");
    if (o.spec.automountServiceAccountToken !== false)
      fail(w, "automountServiceAccountToken should be false");
    const containers = [...arr(o.spec.containers), ...arr(o.spec.initContainers)].map(obj);
    if (containers.length === 0) fail(w, "no containers");
    for (const c of containers) {
      const cw = `${w} container ${str(c.name) ?? "?"}`;
      const sc = obj(c.securityContext);
      if (sc.runAsNonRoot !== true && podSc.runAsNonRoot !== true) fail(cw, "runAsNonRoot is not true");
      if (sc.allowPrivilegeEscalation !== false) fail(cw, "allowPrivilegeEscalation must be false");
      if (!arr(at(sc, "capabilities", "drop")).includes("ALL"))
        fail(cw, "capabilities.drop must include ALL");
      if (typeof sc.readOnlyRootFilesystem !== "boolean")
        fail(cw, "readOnlyRootFilesystem must be set explicitly");
      for (const kind of ["requests", "limits"]) {
        for (const res of ["cpu", "memory"]) {
          if (at(c, "resources", kind, res) === undefined) fail(cw, `resources.${kind}.${res} missing`);
        }
      }
      if (target !== "base" && !/[:@]/.test(str(c.image) ?? ""))
        fail(cw, `image ${String(c.image)} has no tag`);
      for (const ref of arr(c.envFrom)) {
        const cm = str(at(ref, "configMapRef", "name"));
        const sec = str(at(ref, "secretRef", "name"));
        if (cm && !named("ConfigMap", cm)) fail(cw, `envFrom ConfigMap ${cm} not in render`);
        if (sec && !named("Secret", sec) && !(externalSecrets[target] ?? []).includes(sec))
          fail(cw, `envFrom Secret ${sec} not in render`);
      }
      for (const env of arr(c.env)) {
        const sec = str(at(env, "valueFrom", "secretKeyRef", "name"));
        if (sec && !named("Secret", sec) && !(externalSecrets[target] ?? []).includes(sec))
          fail(cw, `Secret ${sec} not in render and not declared external`);
      }
      if (o.kind !== "Job") {
        if (!isObj(c.livenessProbe)) fail(cw, "livenessProbe missing");
        if (!isObj(c.readinessProbe)) fail(cw, "readinessProbe missing");
      }
      const expected = o.kind === "Deployment" ? expectedProbes[o.name] : undefined;
      if (expected) {
        if (probePath(c.livenessProbe) !== expected.liveness)
          fail(cw, `livenessProbe should GET ${expected.liveness}`);
        if (probePath(c.readinessProbe) !== expected.readiness)
          fail(cw, `readinessProbe should GET ${expected.readiness}`);
      }
    }
    if (o.name === "catalog" && o.kind === "Deployment") {
      const c = obj(containers[0]);
      if (at(c, "securityContext", "readOnlyRootFilesystem") !== true)
        fail(w, "catalog must run with a read-only root filesystem");
    }
    for (const v of arr(o.spec.volumes)) {
      const claim = str(at(v, "persistentVolumeClaim", "claimName"));
      if (claim && !named("PersistentVolumeClaim", claim)) fail(w, `PVC ${claim} not in render`);
      const secret = str(at(v, "secret", "secretName"));
      const issued = objects.some((c) => c.kind === "Certificate" && at(c, "spec", "secretName") === secret);
      if (secret && !named("Secret", secret) && !issued && !(externalSecrets[target] ?? []).includes(secret))
        fail(
          w,
          `Secret ${secret} (volume) not in render, not issued by a Certificate, not declared external`,
        );
    }
  }

  for (const svc of objects.filter((o) => o.kind === "Service")) {
    const sel = obj(at(svc, "spec", "selector"));
    if (!owners.some((o) => matches(sel, o.labels)))
      fail(`${where} Service/${String(at(svc, "metadata", "name"))}`, "selector matches no pod template");
  }

  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  const defaultDeny = policies.find(
    (p) =>
      Object.keys(obj(at(p, "spec", "podSelector"))).length === 0 &&
      Object.keys(obj(at(p, "spec", "podSelector", "matchLabels"))).length === 0 &&
      arr(at(p, "spec", "policyTypes")).includes("Ingress") &&
      arr(at(p, "spec", "policyTypes")).includes("Egress") &&
      arr(at(p, "spec", "ingress")).length === 0 &&
      arr(at(p, "spec", "egress")).length === 0,
  );
  if (!defaultDeny) fail(where, "no default-deny NetworkPolicy");
  for (const o of owners) {
    const selectedByOwnPolicy = policies.some((p) => {
      const ml = obj(at(p, "spec", "podSelector", "matchLabels"));
      return Object.keys(ml).length > 0 && matches(ml, o.labels);
    });
    if (!selectedByOwnPolicy && o.kind !== "Job")
      fail(`${where} ${o.kind}/${o.name}`, "no NetworkPolicy selects its pods");
  }
  const catalogPolicy = policies.find((p) => at(p, "metadata", "name") === "catalog");
  if (!catalogPolicy) fail(where, "NetworkPolicy catalog missing");
  else {
    const allowed = arr(at(catalogPolicy, "spec", "ingress")).flatMap((rule) =>
      arr(at(rule, "from")).map(
        (peer) => str(at(peer, "podSelector", "matchLabels", "app.kubernetes.io/name")) ?? "<other>",
      ),
    );
    const sorted = [...allowed].sort().join(",");
    if (sorted !== "admin,gateway,orders,reviews,web")
      fail(
        where,
        `catalog ingress should admit only the gateway, web, admin, orders and reviews, admits: ${sorted}`,
      );
  }

  for (const hpa of objects.filter((o) => o.kind === "HorizontalPodAutoscaler")) {
    const ref = obj(at(hpa, "spec", "scaleTargetRef"));
    if (!named(str(ref.kind) ?? "", str(ref.name) ?? ""))
      fail(`${where} HPA/${String(at(hpa, "metadata", "name"))}`, "target not in render");
  }
  for (const pdb of objects.filter((o) => o.kind === "PodDisruptionBudget")) {
    const sel = obj(at(pdb, "spec", "selector", "matchLabels"));
    if (!owners.some((o) => matches(sel, o.labels)))
      fail(`${where} PDB/${String(at(pdb, "metadata", "name"))}`, "selector matches no pods");
  }
  for (const ing of objects.filter((o) => o.kind === "Ingress")) {
    const iw = `${where} Ingress/${String(at(ing, "metadata", "name"))}`;
    const tlsHosts = arr(at(ing, "spec", "tls")).flatMap((t) => arr(at(t, "hosts")));
    for (const rule of arr(at(ing, "spec", "rules"))) {
      const host = str(at(rule, "host"));
      if (!host || !tlsHosts.includes(host)) fail(iw, `host ${String(host)} is not covered by tls`);
      for (const p of arr(at(rule, "http", "paths"))) {
        const svc = str(at(p, "backend", "service", "name"));
        if (!svc || !named("Service", svc)) fail(iw, `backend service ${String(svc)} not in render`);
      }
    }
  }

  const has = (kind: string, name: string): boolean => named(kind, name) !== undefined;
  if (!has("Job", "catalog-migrate")) fail(where, "migration Job catalog-migrate missing");
  for (const svc of ["catalog", "web", "admin", "reviews", "audit", "gateway"]) {
    if (!has("Deployment", svc)) fail(where, `Deployment ${svc} missing`);
    if (!has("Service", svc)) fail(where, `Service ${svc} missing`);
  }
  if (target.startsWith("overlays/")) {
    const ns = objects.find((o) => o.kind === "Namespace");
    if (!ns) fail(where, "no Namespace object");
    else if (at(ns, "metadata", "labels", "pod-security.kubernetes.io/enforce") !== "restricted")
      fail(where, "Namespace must enforce the restricted Pod Security Standard");
  }
  if (target === "overlays/prod") {
    for (const svc of ["web", "catalog"])
      if (!has("HorizontalPodAutoscaler", svc)) fail(where, `HPA ${svc} missing`);
    for (const svc of ["web", "catalog", "admin", "gateway"])
      if (!has("PodDisruptionBudget", svc)) fail(where, `PDB ${svc} missing`);
    checkProdProviders(where, objects);
  }
  if (target === "overlays/dev") {
    for (const db of ["postgres", ...Object.keys(stores)])
      if (!has("StatefulSet", db)) fail(where, `dev StatefulSet ${db} missing`);
  }
  checkStores(where, target, objects);
  checkDocumentStores(where, target, objects);
  checkServiceUrls(where, objects);
  for (const p of identityMailProblems(target, objects)) fail(where, p);
  checkGateway(where, target, objects);
  if (target.startsWith("overlays/")) checkFlows(where, target, objects);
}

/**
 * The gateway: its ConfigMap is the repository's haproxy.cfg; it is given every variable that
 * configuration needs, its upstreams in DNS mode as headless Services (one server per ready pod) of
 * the right pods and port, fully qualified (HAProxy's resolvers ignore the search list); its
 * certificate comes from a Secret whose Certificate (when cert-manager issues it) names both hosts;
 * the public Service puts 80 and 443 in front of its listeners and keeps the client's address; and
 * each app's public URL is https on its host at the gateway, never localhost outside dev.
 */
function checkGateway(where: string, target: string, objects: Obj[]): void {
  const deployment = objects.find((o) => o.kind === "Deployment" && at(o, "metadata", "name") === "gateway");
  if (!deployment) return;
  const w = `${where} Deployment/gateway`;
  const spec = obj(at(deployment, "spec", "template", "spec"));
  const container = obj(arr(spec.containers)[0]);
  if (!/^haproxy:2\.6(\.\d+)?$/.test(str(container.image) ?? ""))
    fail(w, `image should be the official haproxy on the 2.6 line, is ${String(container.image)}`);
  if (Number(at(deployment, "spec", "replicas") ?? 1) < 2) fail(w, "runs fewer than 2 replicas");
  if (at(container, "securityContext", "readOnlyRootFilesystem") !== true)
    fail(w, "must run with a read-only root filesystem");

  // the configuration: the ConfigMap mounted where the image reads it holds haproxy.cfg as in git
  const mount = arr(container.volumeMounts).find((m) => at(m, "mountPath") === "/usr/local/etc/haproxy");
  const volume = arr(spec.volumes).find((v) => at(v, "name") === at(mount, "name"));
  const cmName = str(at(volume, "configMap", "name"));
  const cm = objects.find((o) => o.kind === "ConfigMap" && at(o, "metadata", "name") === cmName);
  if (at(cm, "data", "haproxy.cfg") !== haproxyCfg)
    fail(w, "must mount a ConfigMap holding infra/gateway/haproxy.cfg at /usr/local/etc/haproxy");

  const given = envNames(objects, container);
  for (const p of checkGatewayEnv(haproxyEnv(haproxyCfg), given)) fail(w, p);
  const value = (name: string) => envSource(objects, container, name).value ?? "";
  const namespaceFromPod = arr(container.env).some(
    (e) =>
      at(e, "name") === "POD_NAMESPACE" &&
      at(e, "valueFrom", "fieldRef", "fieldPath") === "metadata.namespace",
  );
  const upstreamApps: Record<(typeof upstreamVariables)[number], string> = {
    WEB_DNS: "web",
    ADMIN_DNS: "admin",
    CATALOG_DNS: "catalog",
  };
  for (const [variable, app] of Object.entries(upstreamApps)) {
    const m = /^([a-z0-9-]+)\.\$\(POD_NAMESPACE\)\.svc\.cluster\.local:(\d+)$/.exec(value(variable));
    const service = m && objects.find((o) => o.kind === "Service" && at(o, "metadata", "name") === m[1]);
    if (!m || !service || !namespaceFromPod) {
      fail(
        w,
        `${variable} should be <headless Service>.$(POD_NAMESPACE).svc.cluster.local:<port>, is ${value(variable)}`,
      );
      continue;
    }
    const sw = `${w} ${variable}: Service ${m[1] ?? ""}`;
    if (at(service, "spec", "clusterIP") !== "None") fail(sw, "is not headless (clusterIP: None)");
    // an upstream drains before it stops: /readyz 503 while it still serves, within its grace period
    const upstream = objects.find((o) => o.kind === "Deployment" && at(o, "metadata", "name") === app);
    const drain = Number(
      envSource(
        objects,
        obj(arr(at(upstream, "spec", "template", "spec", "containers"))[0]),
        "SHUTDOWN_DRAIN_MS",
      ).value,
    );
    const grace = Number(at(upstream, "spec", "template", "spec", "terminationGracePeriodSeconds") ?? 30);
    if (!(drain > 0 && drain + 10_000 <= grace * 1000))
      fail(
        `${where} Deployment/${app}`,
        `SHUTDOWN_DRAIN_MS should be set, 10 s or more under its grace period (${grace} s)`,
      );
    if (at(service, "spec", "selector", "app.kubernetes.io/name") !== app)
      fail(sw, `does not select the ${app} pods`);
    if (!arr(at(service, "spec", "ports")).some((p) => at(p, "port") === Number(m[2])))
      fail(sw, `has no port ${m[2] ?? ""}`);
  }

  // TLS: GATEWAY_CERT inside a Secret volume; a Certificate for that Secret names both hosts
  const cert = value("GATEWAY_CERT");
  const tlsMount = arr(container.volumeMounts).find((m) => cert.startsWith(`${String(at(m, "mountPath"))}/`));
  const tlsVolume = arr(spec.volumes).find((v) => at(v, "name") === at(tlsMount, "name"));
  const secretName = str(at(tlsVolume, "secret", "secretName"));
  const file = cert.slice(String(at(tlsMount, "mountPath")).length + 1);
  const paths = arr(at(tlsVolume, "secret", "items")).map((i) => at(i, "path"));
  if (!secretName || !paths.includes(file) || !paths.includes(`${file}.key`))
    fail(w, `GATEWAY_CERT (${cert}) should be a Secret's tls.crt with tls.key beside it as ${file}.key`);
  const shop = value("GATEWAY_SHOP_HOST");
  const admin = value("GATEWAY_ADMIN_HOST");
  const certificate = objects.find(
    (o) => o.kind === "Certificate" && at(o, "spec", "secretName") === secretName,
  );
  if (certificate) {
    const names = arr(at(certificate, "spec", "dnsNames"));
    for (const host of [shop, admin])
      if (!names.includes(host))
        fail(`${where} Certificate for ${String(secretName)}`, `does not name ${host}`);
  } else if (target !== "base" && !(externalSecrets[target] ?? []).includes(secretName ?? ""))
    fail(w, `TLS Secret ${String(secretName)} is neither issued by a Certificate nor the operator's`);

  const service = objects.find((o) => o.kind === "Service" && at(o, "metadata", "name") === "gateway");
  const sw = `${where} Service/gateway`;
  if (!["LoadBalancer", "NodePort"].includes(str(at(service, "spec", "type")) ?? ""))
    fail(sw, "should be a LoadBalancer (or NodePort) Service");
  if (at(service, "spec", "externalTrafficPolicy") !== "Local")
    fail(sw, "externalTrafficPolicy should be Local (the rate limits count per client address)");
  for (const [port, targetPort] of [
    [80, "http"],
    [443, "https"],
  ] as const) {
    const p = arr(at(service, "spec", "ports")).find((q) => at(q, "port") === port);
    if (at(p, "targetPort") !== targetPort)
      fail(sw, `port ${port} should lead to the ${targetPort} listener`);
  }
  const listeners = arr(container.ports);
  for (const [name, variable] of [
    ["http", "GATEWAY_HTTP_PORT"],
    ["https", "GATEWAY_HTTPS_PORT"],
    ["metrics", "GATEWAY_METRICS_PORT"],
  ] as const) {
    const p = listeners.find((q) => at(q, "name") === name);
    if (String(at(p, "containerPort")) !== value(variable))
      fail(w, `container port ${name} should be ${variable} (${value(variable)})`);
  }

  // the apps' public addresses: https on their host at the gateway
  const appUrls: [string, string, string][] = [
    ["web", "NEXTAUTH_URL", shop],
    ["web", "SITE_URL", shop],
    ["admin", "NEXTAUTH_URL", admin],
  ];
  for (const [app, variable, host] of appUrls) {
    const d = objects.find((o) => o.kind === "Deployment" && at(o, "metadata", "name") === app);
    const c = obj(arr(at(d, "spec", "template", "spec", "containers"))[0]);
    const url = envSource(objects, c, variable).value;
    if (url !== `https://${host}`)
      fail(
        `${where} Deployment/${app}`,
        `${variable} should be https://${host} (its host at the gateway), is ${String(url)}`,
      );
  }
  for (const host of [shop, admin]) {
    if (/^(localhost|127\.|\[?::1)/.test(host)) fail(w, `host ${host} is localhost`);
    if (target === "overlays/prod" && /\.localhost$/.test(host))
      fail(w, `prod host ${host} is a .localhost name`);
  }
}

const flowTable = parseFlowTable(readFileSync(path.join(k8sDir, "README.md"), "utf8"));
for (const e of flowTable.errors) fail("infra/k8s/README.md flows table", e);

/** The overlay's NetworkPolicies allow exactly the flows the README's table lists for it. */
function checkFlows(where: string, target: string, objects: Obj[]): void {
  const overlay = path.basename(target);
  const expected = expectedFlows(flowTable.rows, overlay, workloads(objects));
  for (const e of expected.errors) fail(`${where} flows table`, e);
  const { unexpected, missing } = compareFlows(allowedFlows(objects), expected.flows);
  for (const f of unexpected)
    fail(where, `NetworkPolicies allow ${f}, which the flows table in infra/k8s/README.md does not list`);
  for (const f of missing) fail(where, `the flows table lists ${f}, which the NetworkPolicies do not allow`);
}

/**
 * The reviews and audit services keep their documents in memory when MONGO_URL is unset, losing every
 * review or audit entry on a restart: each must always be given MONGO_URL, from the `mongo-url` Secret
 * (in dev generated with a hash suffix) and not optionally. In prod that Secret is the operator's
 * (externalSecrets): a rendered one would carry credentials from git.
 */
function checkDocumentStores(where: string, target: string, objects: Obj[]): void {
  const mongoUrlSecret = /^mongo-url(-[a-z0-9]{10})?$/;
  for (const service of ["reviews", "audit"]) {
    const deployment = objects.find((o) => o.kind === "Deployment" && at(o, "metadata", "name") === service);
    if (!deployment) continue;
    const container = arr(at(deployment, "spec", "template", "spec", "containers"))[0];
    const ref = arr(at(container, "env")).find((e) => at(e, "name") === "MONGO_URL");
    const secret = at(ref, "valueFrom", "secretKeyRef");
    if (!mongoUrlSecret.test(str(at(secret, "name")) ?? "") || at(secret, "key") !== "MONGO_URL")
      fail(where, `${service}: MONGO_URL must come from the mongo-url Secret (key MONGO_URL)`);
    else if (at(secret, "optional") === true)
      fail(
        where,
        `${service}: the mongo-url Secret must not be optional (without it its documents live in memory)`,
      );
  }
  const rendered = objects.some(
    (o) => o.kind === "Secret" && mongoUrlSecret.test(str(at(o, "metadata", "name")) ?? ""),
  );
  if (target === "overlays/prod" && rendered)
    fail(where, "mongo-url is rendered in prod: the operator creates it (no credentials in git)");
}

// The backends each app's server calls: unset, an app falls back to its development default
// (http://127.0.0.1:<port>/trpc), which answers nothing in a pod.
const appBackends: Record<string, string[]> = {
  web: ["CATALOG_URL", "ORDERS_URL", "IDENTITY_URL", "REVIEWS_URL"],
  admin: ["CATALOG_URL", "ORDERS_URL", "IDENTITY_URL", "INVENTORY_URL", "REVIEWS_URL", "AUDIT_URL"],
};

// Addresses a service is told so that it hands them to others, who call them (not the service itself):
// the reviews service signs photo-upload forms that the storefront's server posts to its own /uploads.
const addressesGiven: Record<string, Record<string, string[]>> = {
  reviews: { REVIEW_PHOTO_UPLOAD_URL: ["web"] },
};

/**
 * A URL in a pod's configuration naming an in-namespace Service (`http://catalog:4001/trpc`) must be
 * reachable: the caller's policies allow egress to the Service's pods on that port, and the callee's
 * policies admit the caller. Otherwise the call is refused at run time under default-deny.
 */
function checkServiceUrls(where: string, objects: Obj[]): void {
  const owners = podOwners(objects);
  for (const [app, vars] of Object.entries(appBackends)) {
    const d = objects.find((o) => o.kind === "Deployment" && at(o, "metadata", "name") === app);
    if (!d) continue;
    const container = obj(arr(at(d, "spec", "template", "spec", "containers"))[0]);
    for (const name of vars) {
      const value = envSource(objects, container, name).value;
      const host = value ? /^https?:\/\/([a-z0-9-]+)[:/]/.exec(value)?.[1] : undefined;
      if (!host || !objects.some((o) => o.kind === "Service" && at(o, "metadata", "name") === host))
        fail(`${where} Deployment/${app}`, `${name} must name a Service of this render, is ${String(value)}`);
    }
  }
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  const selecting = (labels: Obj) =>
    policies.filter((p) => matches(obj(at(p, "spec", "podSelector", "matchLabels")), labels));
  const admits = (peers: unknown[], labels: Obj) =>
    peers.some((peer) => matches(obj(at(peer, "podSelector", "matchLabels")), labels));
  // a rule without ports allows every port
  const onPort = (rule: unknown, port: unknown) => {
    const ports = arr(at(rule, "ports"));
    return ports.length === 0 || ports.some((p) => at(p, "port") === port);
  };
  for (const owner of owners) {
    for (const c of arr(owner.spec.containers).map(obj)) {
      for (const name of envNames(objects, c)) {
        const value = envSource(objects, c, name).value;
        const m = value ? /^https?:\/\/([a-z0-9-]+):(\d+)(\/|$)/.exec(value) : null;
        if (!m) continue;
        const handedTo = addressesGiven[owner.name]?.[name];
        const callers = handedTo ? owners.filter((o) => handedTo.includes(o.name)) : [owner];
        if (handedTo && callers.length === 0) continue;
        for (const caller of callers) {
          const [, host = "", portText = ""] = m;
          const service = objects.find((o) => o.kind === "Service" && at(o, "metadata", "name") === host);
          if (!service) continue;
          const given = handedTo ? ` (given to ${owner.name})` : "";
          const w = `${where} ${caller.kind}/${caller.name} ${name}=${String(value)}${given}`;
          const servicePort = arr(at(service, "spec", "ports")).find(
            (p) => at(p, "port") === Number(portText),
          );
          const callee = owners.find((o) => matches(obj(at(service, "spec", "selector")), o.labels));
          if (!servicePort || !callee) {
            fail(w, `Service ${host} has no port ${portText} or no pods`);
            continue;
          }
          // policies name the pod's port: the Service's targetPort, by number or by the container port's name
          const target = at(servicePort, "targetPort") ?? Number(portText);
          const named = arr(callee.spec.containers)
            .flatMap((k) => arr(at(k, "ports")))
            .find((p) => at(p, "name") === target);
          const port = typeof target === "number" ? target : at(named, "containerPort");
          const out = selecting(caller.labels).some((p) =>
            arr(at(p, "spec", "egress")).some(
              (rule) => admits(arr(at(rule, "to")), callee.labels) && onPort(rule, port),
            ),
          );
          if (!out) fail(w, `no NetworkPolicy lets ${caller.name} reach ${host} on ${String(port)}`);
          const inbound = selecting(callee.labels).some((p) =>
            arr(at(p, "spec", "ingress")).some(
              (rule) => admits(arr(at(rule, "from")), caller.labels) && onPort(rule, port),
            ),
          );
          if (!inbound) fail(w, `${host}'s NetworkPolicy does not admit ${caller.name} on ${String(port)}`);
        }
      }
    }
  }
}

/** The variables a container is given by name: its env entries and its envFrom ConfigMaps' keys. */
function envNames(objects: Obj[], container: Obj): Set<string> {
  const fromConfigMaps = arr(container.envFrom).flatMap((ref) => {
    const cm = str(at(ref, "configMapRef", "name"));
    const found = objects.find((o) => o.kind === "ConfigMap" && at(o, "metadata", "name") === cm);
    return Object.keys(obj(at(found, "data")));
  });
  return new Set([...arr(container.env).flatMap((e) => str(at(e, "name")) ?? []), ...fromConfigMaps]);
}

/** Only each store's users reach it, every user is told where it is, and secrets stay in Secrets. */
function checkStores(where: string, target: string, objects: Obj[]): void {
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  for (const o of podOwners(objects)) {
    const app = str(o.labels["app.kubernetes.io/name"]) ?? o.name;
    const containers = arr(o.spec.containers).map(obj);
    for (const [store, s] of Object.entries(stores)) {
      const labelled = o.labels[s.label] === "true";
      const sources = containers.map((c) => envSource(objects, c, s.env));
      const told = sources.some((src) => src.value !== undefined || src.secret !== undefined);
      const w = `${where} ${o.kind}/${o.name}`;
      if (labelled && !s.users.includes(app))
        fail(w, `${app} may not reach ${store} (its users: ${s.users.join(", ")})`);
      // (base leaves MEMCACHED_SERVERS to components/stores and the prod overlay)
      if (labelled && !told && target !== "base") fail(w, `labelled ${s.label} but not given ${s.env}`);
      if (told && !labelled)
        fail(w, `given ${s.env} but not labelled ${s.label}, so it cannot reach ${store}`);
      // Redis and MongoDB URLs carry credentials outside a development cluster
      if (s.env !== "MEMCACHED_SERVERS" && sources.some((src) => src.value !== undefined))
        fail(w, `${s.env} must come from a Secret, not a literal`);
    }
  }
  for (const [store, s] of Object.entries(stores)) {
    const set = objects.find((o) => o.kind === "StatefulSet" && at(o, "metadata", "name") === store);
    if (!set) continue;
    const w = `${where} ${store}`;
    const own = policies.filter((p) =>
      matches(obj(at(p, "spec", "podSelector", "matchLabels")), { "app.kubernetes.io/name": store }),
    );
    const peers = own.flatMap((p) => arr(at(p, "spec", "ingress")).flatMap((rule) => arr(at(rule, "from"))));
    if (own.length === 0) fail(w, "no NetworkPolicy of its own");
    for (const peer of peers) {
      const ml = obj(at(peer, "podSelector", "matchLabels"));
      const onlyClients =
        Object.keys(obj(peer)).length === 1 &&
        Object.keys(ml).length === 1 &&
        ml[s.label] === "true" &&
        at(peer, "podSelector", "matchExpressions") === undefined;
      if (!onlyClients) fail(w, `ingress admits ${JSON.stringify(peer)}, not only ${s.label}=true pods`);
    }
    if (!own.some((p) => arr(at(p, "spec", "ingress")).length > 0))
      fail(w, `no ingress rule admits its clients on ${s.port}`);
  }
  // The catalog spreads its shared read cache over every Memcached node it is given: in-cluster, exactly
  // the StatefulSet's pods by their stable names; elsewhere, never those names (they would not resolve).
  const catalog = objects.find((o) => o.kind === "Deployment" && at(o, "metadata", "name") === "catalog");
  if (!catalog) return;
  const container = obj(arr(at(catalog, "spec", "template", "spec", "containers"))[0]);
  const servers = envSource(objects, container, "MEMCACHED_SERVERS").value;
  const memcached = objects.find(
    (o) => o.kind === "StatefulSet" && at(o, "metadata", "name") === "memcached",
  );
  if (memcached) {
    const replicas = Number(at(memcached, "spec", "replicas") ?? 1);
    const service = str(at(memcached, "spec", "serviceName")) ?? "memcached";
    const expected = Array.from({ length: replicas }, (_, i) => `memcached-${i}.${service}:11211`).join(",");
    if (replicas < 2) fail(where, `memcached: ${replicas} replica(s); the shared cache runs on two or more`);
    if (servers !== expected)
      fail(
        where,
        `catalog: MEMCACHED_SERVERS should be ${expected} (the memcached pods), is ${String(servers)}`,
      );
  } else if (target !== "base") {
    if (!servers) fail(where, "catalog: MEMCACHED_SERVERS must list the managed Memcached nodes");
    else if (/(^|,)memcached-\d+\./.test(servers))
      fail(where, `catalog: MEMCACHED_SERVERS names in-cluster pods (${servers}) that this render lacks`);
  }
}

// Production runs on real providers: no payment provider simulator, the provider's address from a
// Secret the operator creates (never a literal, never the simulator allowed), media in S3 rather than
// on a shared volume, review photos in an S3 bucket of their own (private: not the public media bucket,
// and not a volume that only one replica could mount).
function checkProdProviders(where: string, objects: Obj[]): void {
  const simulator = objects.filter(
    (o) =>
      at(o, "metadata", "name") === "psp" || at(o, "metadata", "labels", "app.kubernetes.io/name") === "psp",
  );
  for (const o of simulator)
    fail(where, `${String(o.kind)}/psp: the payment provider simulator is not deployed in prod`);
  for (const p of objects.filter((o) => o.kind === "NetworkPolicy"))
    if (JSON.stringify(p.spec ?? {}).includes('"app.kubernetes.io/name":"psp"'))
      fail(where, `NetworkPolicy/${String(at(p, "metadata", "name"))} still reaches the simulator`);
  const containerOf = (name: string): Obj | undefined => deploymentContainer(objects, name);
  for (const name of ["payment", "web"]) {
    const c = containerOf(name);
    if (!c) continue;
    const psp = envSource(objects, c, "PSP_URL");
    if (!psp.secret)
      fail(where, `${name}: PSP_URL must come from the operator's Secret, not ${psp.value ?? "a default"}`);
  }
  const payment = containerOf("payment");
  if (payment) {
    const allow = envSource(objects, payment, "PAYMENT_ALLOW_SIMULATOR").value;
    if (allow !== undefined && ["1", "true", "yes"].includes(allow))
      fail(where, "payment: PAYMENT_ALLOW_SIMULATOR must not be set in prod");
  }
  for (const pvc of objects.filter((o) => o.kind === "PersistentVolumeClaim"))
    if (arr(at(pvc, "spec", "accessModes")).includes("ReadWriteMany"))
      fail(
        where,
        `PersistentVolumeClaim/${String(at(pvc, "metadata", "name"))}: no ReadWriteMany volume (media is in S3)`,
      );
  const catalog = containerOf("catalog");
  const mediaBucket = catalog && envSource(objects, catalog, "S3_BUCKET").value;
  if (catalog && !mediaBucket) fail(where, "catalog: S3_BUCKET must name the media bucket");
  const reviews = containerOf("reviews");
  const photoBucket = reviews && envSource(objects, reviews, "S3_BUCKET").value;
  if (reviews && !photoBucket) fail(where, "reviews: S3_BUCKET must name the private review-photo bucket");
  else if (reviews && photoBucket === mediaBucket)
    fail(where, `reviews: S3_BUCKET must not be the public media bucket ${String(mediaBucket)}`);
}

let rendered = 0;
if (!haveKubectl) {
  const msg = "kubectl not found: rendered kustomize targets were NOT checked";
  if (process.env.CI === "true") problems.push(msg);
  else notes.push(msg);
} else {
  for (const target of targets) {
    const out = spawnSync("kubectl", ["kustomize", path.join(k8sDir, target)], { encoding: "utf8" });
    if (out.status !== 0) {
      fail(`render ${target}`, `kubectl kustomize failed: ${out.stderr.trim()}`);
      continue;
    }
    checkRender(target, parseDocs(out.stdout, `render ${target}`));
    rendered += 1;
  }
}

for (const p of checkComposeGateway(readFileSync(path.join(root, "docker-compose.yml"), "utf8"), haproxyCfg))
  problems.push(p);

for (const n of notes) console.log(`note: ${n}`);
if (problems.length > 0) {
  console.error(`k8s check: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}
console.log(
  `k8s check: ${files.length} YAML files parsed, ${kustomizations.length} kustomizations resolved, ` +
    `${rendered}/${targets.length} targets rendered and checked (${targets.join(", ")})`,
);
