// A real Prometheus (the `prometheus` binary, Debian's package in CI) scraping a running stack, with the
// repository's rule files loaded, read through its HTTP API. Under REQUIRE_REAL_SERVERS=1 a missing
// binary fails the run; otherwise the suite is skipped loudly, like any real-server suite.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "@emporium/db";
import { requireRealServers, SKIP_MARKER, waitFor } from "@emporium/testkit";
import { parse, stringify } from "yaml";
import { freePort } from "./ports";

export const RULES_DIR = path.join(REPO_ROOT, "infra", "observability", "prometheus", "rules");

/** The Prometheus binary ($PROMETHEUS_BIN, else `prometheus` on PATH), looked up at collection time. */
export function prometheusBinary(suite: string): { path: string; available: boolean } {
  const bin = process.env.PROMETHEUS_BIN ?? "prometheus";
  const found = spawnSync(bin, ["--version"], { encoding: "utf8" });
  if (!found.error && found.status === 0) return { path: bin, available: true };
  if (requireRealServers())
    throw new Error(`${bin} cannot run but REQUIRE_REAL_SERVERS=1: the suite "${suite}" needs Prometheus`);
  console.warn(`${SKIP_MARKER}: "${suite}" (install prometheus or set PROMETHEUS_BIN to run it)`);
  return { path: bin, available: false };
}

/** One rule of a rule file, as Prometheus reads it. */
interface RuleDoc {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  [key: string]: unknown;
}
interface RuleFileDoc {
  groups: { name: string; rules: RuleDoc[]; [key: string]: unknown }[];
}

export interface AlertOverride {
  /** The new right-hand side of the alert's final `> …` comparison. */
  threshold: string;
  for: string;
}

/**
 * The repository's rule files, written into `dir` unchanged except for the alerts in `overrides`, whose
 * threshold (the number after the expression's last `>`) and `for:` are replaced — so a test can see an
 * alert go pending and firing in seconds without the repository's rule being edited.
 */
export function writeRules(dir: string, overrides: Record<string, AlertOverride>): string[] {
  const left = new Set(Object.keys(overrides));
  const files: string[] = [];
  for (const file of readdirSync(RULES_DIR).filter((f) => f.endsWith(".yml"))) {
    const doc = parse(readFileSync(path.join(RULES_DIR, file), "utf8")) as RuleFileDoc;
    for (const rule of doc.groups.flatMap((g) => g.rules)) {
      const o = rule.alert ? overrides[rule.alert] : undefined;
      if (!o || !rule.alert) continue;
      const expr = rule.expr.trim().replace(/>\s*[0-9.\s*+]+$/, `> ${o.threshold}`);
      if (expr === rule.expr.trim())
        throw new Error(`alert ${rule.alert}: no trailing "> threshold" in ${JSON.stringify(rule.expr)}`);
      rule.expr = expr;
      rule.for = o.for;
      left.delete(rule.alert);
    }
    const out = path.join(dir, file);
    writeFileSync(out, stringify(doc));
    files.push(out);
  }
  if (left.size) throw new Error(`no alert named ${[...left].join(", ")} in ${RULES_DIR}`);
  return files;
}

export interface ScrapeTarget {
  job: string;
  port: number;
}

export interface PromTarget {
  labels: Record<string, string>;
  health: "up" | "down" | "unknown";
  lastError: string;
  lastScrape: string;
}

export interface PromAlert {
  labels: Record<string, string>;
  state: "pending" | "firing";
  activeAt: string;
  value: string;
}

export class Prometheus {
  url = "";
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(path.join(tmpdir(), "emporium-prometheus-"));

  constructor(
    private readonly bin: string,
    private readonly scrapeTargets: readonly ScrapeTarget[],
    private readonly overrides: Record<string, AlertOverride>,
  ) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    const rulesDir = path.join(this.dir, "rules");
    mkdirSync(rulesDir);
    const config = {
      global: { scrape_interval: "1s", scrape_timeout: "1s", evaluation_interval: "1s" },
      rule_files: writeRules(rulesDir, this.overrides),
      scrape_configs: this.scrapeTargets.map((t) => ({
        job_name: t.job,
        static_configs: [{ targets: [`127.0.0.1:${t.port}`] }],
      })),
    };
    const configFile = path.join(this.dir, "prometheus.yml");
    writeFileSync(configFile, stringify(config));
    const out = openSync(path.join(this.dir, "prometheus.log"), "a");
    this.child = spawn(
      this.bin,
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${path.join(this.dir, "data")}`,
        `--web.listen-address=127.0.0.1:${port}`,
        "--web.enable-lifecycle",
      ],
      { stdio: ["ignore", out, out] },
    );
    closeSync(out);
    await waitFor(
      async () => {
        if (this.child?.exitCode !== null && this.child?.exitCode !== undefined)
          throw new Error(`prometheus exited with ${this.child.exitCode}:\n${this.log()}`);
        return (await fetch(`${this.url}/-/ready`).catch(() => null))?.ok ?? false;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: "prometheus to be ready" },
    );
  }

  /** GET /api/v1/<endpoint>; the `data` of a success, else an error with Prometheus's own message. */
  async api<T>(endpoint: string): Promise<T> {
    const res = await fetch(`${this.url}/api/v1/${endpoint}`);
    const body = (await res.json()) as { status: string; data: T; error?: string };
    if (body.status !== "success") throw new Error(`prometheus ${endpoint}: ${res.status} ${body.error}`);
    return body.data;
  }

  async targets(): Promise<PromTarget[]> {
    return (await this.api<{ activeTargets: PromTarget[] }>("targets")).activeTargets;
  }

  async alerts(): Promise<PromAlert[]> {
    return (await this.api<{ alerts: PromAlert[] }>("alerts")).alerts;
  }

  async metricNames(): Promise<string[]> {
    return this.api<string[]>("label/__name__/values");
  }

  log(): string {
    try {
      return readFileSync(path.join(this.dir, "prometheus.log"), "utf8").split("\n").slice(-30).join("\n");
    } catch {
      return "(no log)";
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
