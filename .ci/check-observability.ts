// Validates infra/observability without a running stack:
//   - Prometheus: `promtool check config` on the compose configuration and on the Kubernetes one
//     (Debian's build has no kubernetes_sd, so that one is checked with its discovery swapped for an
//     empty static list: everything else, relabelling included, is promtool's), `promtool check rules`
//     on rules/*.yml, `promtool test rules` on the unit tests; every alert has a `for:`, a severity the
//     routing knows, a summary, a description and a runbook line; the key alerts are unit-tested.
//   - Runbooks: every alert has a `runbook_url` annotation `docs/operations.md#<anchor>` whose anchor is
//     a heading of docs/operations.md (GitHub's anchors, markdown-anchors.ts); a failure names the alert.
//   - Compose: every long-running Emporium process in docker-compose.yml is a scrape job.
//   - Alertmanager: `amtool check-config`, and the routing tree sends critical to the pager and warning
//     to the chat receiver.
//   - Grafana: the dashboards in git are what grafana/dashboards.ts writes, every one is provisioned by
//     the Kubernetes component, and every panel uses the provisioned datasource.
//   - Metric names: every name a rule or a dashboard query reads is one the code registers (a
//     prom-client declaration under packages/, services/ or apps/), a Node default metric, an HAProxy
//     exporter metric (the gateway), a series a recording rule makes, Prometheus's own `up` and `ALERTS`,
//     kube-state-metrics' (for the Kubernetes-only alert), or listed in pending-metrics.txt (being added).
// The fuller check against a running Prometheus over the system-test stack is
// tests/system/test/prometheus.system.test.ts.
// Run: `npx tsx .ci/check-observability.ts` (from .ci/run). Needs promtool and amtool on PATH.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { collectDefaultMetrics, Registry } from "prom-client";
import { parse, stringify } from "yaml";
import { staleDashboards } from "../infra/observability/grafana/dashboards.ts";
import { runbookLinkProblems } from "./markdown-anchors.ts";
import { exposedNames, metricNamesIn, registeredMetrics, type MetricKind } from "./metric-names.ts";
import { arr, at, isObj, obj, str, type Obj } from "./yaml-access.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, "infra", "observability");
const promDir = path.join(dir, "prometheus");
const problems: string[] = [];
const fail = (where: string, msg: string) => problems.push(`${where}: ${msg}`);
const rel = (file: string) => path.relative(root, file);
const readYaml = (file: string): Obj => obj(parse(readFileSync(file, "utf8")));

/** Runs a tool; a failure is a problem with its output. */
function tool(where: string, cmd: string, args: string[], cwd = root): void {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8" });
  if (r.error) fail(where, `${cmd} could not run: ${r.error.message}`);
  else if (r.status !== 0) fail(where, `${cmd} ${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
}

// ---- Prometheus ----
tool("prometheus.yml", "promtool", ["check", "config", "prometheus.yml"], promDir);

// The Kubernetes configuration, its kubernetes_sd swapped for an empty static list (Debian's promtool is
// built without Kubernetes discovery); its rule_files pointed back at rules/.
const k8sConfigFile = path.join(promDir, "prometheus-kubernetes.yml");
const k8sConfig = readYaml(k8sConfigFile);
const podsJob = arr(k8sConfig.scrape_configs).find((j) => at(j, "job_name") === "emporium-pods");
const keepsAnnotated = arr(at(podsJob, "relabel_configs")).some(
  (r) =>
    arr(at(r, "source_labels")).includes("__meta_kubernetes_pod_annotation_prometheus_io_scrape") &&
    at(r, "action") === "keep",
);
if (!keepsAnnotated)
  fail(rel(k8sConfigFile), "job emporium-pods must keep only pods annotated prometheus.io/scrape");
const tmp = mkdtempSync(path.join(tmpdir(), "emporium-observability-"));
try {
  const swapped = {
    ...k8sConfig,
    rule_files: [path.join(promDir, "rules", "*.yml")],
    scrape_configs: arr(k8sConfig.scrape_configs).map((job) => {
      const { kubernetes_sd_configs: _discovery, ...rest } = obj(job);
      return { ...rest, static_configs: [{ targets: [] }] };
    }),
  };
  writeFileSync(path.join(tmp, "prometheus-kubernetes.yml"), stringify(swapped));
  tool(rel(k8sConfigFile), "promtool", ["check", "config", path.join(tmp, "prometheus-kubernetes.yml")]);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const ruleFiles = readdirSync(path.join(promDir, "rules"))
  .filter((f) => f.endsWith(".yml"))
  .map((f) => path.join("rules", f));
tool("rules", "promtool", ["check", "rules", ...ruleFiles], promDir);
tool("rule unit tests", "promtool", ["test", "rules", path.join("tests", "alerts.test.yml")], promDir);

interface Rule {
  file: string;
  group: string;
  record?: string;
  alert?: string;
  expr: string;
  rule: Obj;
}
const rules: Rule[] = ruleFiles.flatMap((file) =>
  arr(readYaml(path.join(promDir, file)).groups).flatMap((g) =>
    arr(at(g, "rules")).map((r) => ({
      file: rel(path.join(promDir, file)),
      group: str(at(g, "name")) ?? "",
      record: str(at(r, "record")),
      alert: str(at(r, "alert")),
      expr: String(at(r, "expr") ?? ""),
      rule: obj(r),
    })),
  ),
);
const SEVERITIES = ["critical", "warning"];
for (const r of rules.filter((x) => x.alert)) {
  const where = `${r.file} alert ${r.alert}`;
  if (!str(r.rule.for)) fail(where, "has no `for:`");
  const severity = str(at(r.rule, "labels", "severity"));
  if (!severity || !SEVERITIES.includes(severity))
    fail(where, `severity must be one of ${SEVERITIES.join(", ")} (got ${severity ?? "none"})`);
  for (const a of ["summary", "description", "runbook"])
    if (!str(at(r.rule, "annotations", a))) fail(where, `has no ${a} annotation`);
}
// Every alert links its runbook: a heading of docs/operations.md (README: "Runbooks").
const RUNBOOKS = "docs/operations.md";
for (const problem of runbookLinkProblems(
  rules.flatMap((r) =>
    r.alert ? [{ alert: r.alert, url: str(at(r.rule, "annotations", "runbook_url")) }] : [],
  ),
  { path: RUNBOOKS, markdown: readFileSync(path.join(root, RUNBOOKS), "utf8") },
))
  fail("infra/observability/prometheus/rules", problem);
const tested = readFileSync(path.join(promDir, "tests", "alerts.test.yml"), "utf8");
for (const key of ["SagaStalled", "DeadLetterQueueNotEmpty", "CheckoutAvailabilityFastBurn", "TargetDown"])
  if (!new RegExp(`alertname: ${key}\\b`).test(tested))
    fail("prometheus/tests/alerts.test.yml", `no unit test for ${key}`);

// ---- compose: every long-running Emporium process is scraped ----
const compose = readYaml(path.join(root, "docker-compose.yml"));
const jobs = new Set(
  arr(readYaml(path.join(promDir, "prometheus.yml")).scrape_configs).flatMap(
    (j) => str(at(j, "job_name")) ?? [],
  ),
);
for (const [name, service] of Object.entries(obj(compose.services))) {
  const ours = isObj(at(service, "build")) || name === "gateway";
  if (ours && at(service, "restart") !== "no" && !jobs.has(name))
    fail("prometheus/prometheus.yml", `no scrape job for compose service ${name}`);
}

// ---- Alertmanager ----
const amFile = path.join(dir, "alertmanager", "alertmanager.yml");
tool(rel(amFile), "amtool", ["check-config", amFile]);
for (const [labels, receiver] of [
  [["severity=critical", "service=orders", "alertname=SagaStalled"], "pager"],
  [["severity=warning", "service=payment", "alertname=DeadLetterQueueNotEmpty"], "chat"],
  [["service=orders", "alertname=Unlabelled"], "chat"],
] as const)
  tool(rel(amFile), "amtool", [
    "config",
    "routes",
    "test",
    `--config.file=${amFile}`,
    `--verify.receivers=${receiver}`,
    ...labels,
  ]);

// ---- Grafana ----
const dashboardsDir = path.join(dir, "grafana", "dashboards");
for (const file of await staleDashboards())
  fail(
    `infra/observability/grafana/dashboards/${file}`,
    "not what grafana/dashboards.ts writes: run npx tsx infra/observability/grafana/dashboards.ts",
  );
const datasourceUid = str(
  at(
    arr(readYaml(path.join(dir, "grafana", "provisioning", "datasources", "prometheus.yml")).datasources)[0],
    "uid",
  ),
);
const shipped = new Set(
  arr(readYaml(path.join(dir, "kustomization.yaml")).configMapGenerator).flatMap((g) =>
    arr(at(g, "files")).flatMap((f) => str(f) ?? []),
  ),
);
interface Query {
  where: string;
  expr: string;
}
const dashboardQueries: Query[] = [];
for (const file of readdirSync(dashboardsDir).filter((f) => f.endsWith(".json"))) {
  const where = `infra/observability/grafana/dashboards/${file}`;
  if (!shipped.has(`grafana/dashboards/${file}`))
    fail(where, "not in infra/observability/kustomization.yaml");
  const dashboard: unknown = JSON.parse(readFileSync(path.join(dashboardsDir, file), "utf8"));
  for (const panel of arr(at(dashboard, "panels"))) {
    if (at(panel, "type") === "row") continue;
    const title = str(at(panel, "title")) ?? "?";
    if (at(panel, "datasource", "uid") !== datasourceUid)
      fail(where, `panel "${title}" does not use the provisioned datasource (uid ${datasourceUid})`);
    for (const t of arr(at(panel, "targets")))
      dashboardQueries.push({ where: `${where} panel "${title}"`, expr: str(at(t, "expr")) ?? "" });
  }
}

// ---- metric names ----
const registered = registeredMetrics(["packages", "services", "apps"].map((d) => path.join(root, d)));
const defaults = new Registry();
collectDefaultMetrics({ register: defaults });
const nodeDefaults = (await defaults.getMetricsAsJSON()).flatMap((m) =>
  exposedNames(m.name, String(m.type) as MetricKind),
);
const listed = (file: string) =>
  readFileSync(path.join(dir, file), "utf8")
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter(Boolean);
const haproxy = listed("haproxy-metrics.txt");
const pending = listed("pending-metrics.txt").flatMap((line) => {
  const [name = "", kind = "gauge"] = line.split(/\s+/);
  return exposedNames(name, kind as MetricKind);
});
const recorded = rules.flatMap((r) => r.record ?? []);
const known = new Set([
  ...registered.keys(),
  ...nodeDefaults,
  ...haproxy,
  ...pending,
  ...recorded,
  "up",
  "ALERTS",
  "kube_pod_container_status_restarts_total",
]);
const used: Query[] = [
  ...rules.map((r) => ({
    where: `${r.file} ${r.record ? `record ${r.record}` : `alert ${r.alert}`}`,
    expr: r.expr,
  })),
  ...dashboardQueries,
];
for (const { where, expr } of used)
  for (const name of metricNamesIn(expr))
    if (!known.has(name))
      fail(where, `reads ${name}, which no code registers (nor pending-metrics.txt lists)`);
const nowRegistered = listed("pending-metrics.txt")
  .map((l) => l.split(/\s+/)[0] ?? "")
  .filter((name) => registered.has(name) || registered.has(`${name}_bucket`));

if (problems.length) {
  console.error(`observability check: ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(
  `observability check: ${ruleFiles.length} rule files (${rules.filter((r) => r.alert).length} alerts, ` +
    `${recorded.length} recording rules, unit tests passed, every runbook_url a heading of ${RUNBOOKS}), ` +
    `alertmanager routing, ` +
    `${readdirSync(dashboardsDir).length} dashboards up to date, ${used.length} queries over ` +
    `${new Set(used.flatMap((u) => metricNamesIn(u.expr))).size} names all known` +
    (nowRegistered.length
      ? `; now registered, drop from pending-metrics.txt: ${nowRegistered.join(", ")}`
      : ""),
);
