// Unit tests of check-observability's metric-name scan (what a PromQL expression reads, and what a
// prom-client declaration registers) and of its runbook links (GitHub's heading anchors).
// Run: `npx tsx --test .ci/check-observability.test.ts`
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { headingAnchors, runbookLinkProblems, slug } from "./markdown-anchors.ts";
import { declaredMetrics, exposedNames, metricNamesIn } from "./metric-names.ts";

describe("metricNamesIn", () => {
  it("reads metric and recorded names, not functions, labels, strings, durations or numbers", () => {
    assert.deepEqual(
      metricNamesIn(
        'sum by (service, procedure) (rate(rpc_server_errors_total{code=~"A|B"}[5m])) / service_procedure:rpc_requests:rate5m > 1e3',
      ),
      ["rpc_server_errors_total", "service_procedure:rpc_requests:rate5m"],
    );
    assert.deepEqual(
      metricNamesIn(
        'label_replace(count by (job) (up offset 15m) unless count by (job) (up), "service", "$1", "job", "(.*)")',
      ),
      ["up"],
    );
  });
  it("skips Grafana's variables and vector-matching label lists", () => {
    assert.deepEqual(
      metricNamesIn(
        "histogram_quantile(0.99, sum by (le) (rate(x_seconds_bucket[$__rate_interval]))) * on (instance) group_left (version) nodejs_version_info",
      ),
      ["x_seconds_bucket", "nodejs_version_info"],
    );
  });
  it("names a misspelt metric", () => {
    assert.deepEqual(metricNamesIn("max(orders_oldest_unfinshed_order_age_seconds) > 15 * 60"), [
      "orders_oldest_unfinshed_order_age_seconds",
    ]);
  });
});

describe("declaredMetrics", () => {
  it("finds prom-client declarations with their kind, generic or not", () => {
    const source = `
      const a = new Counter({ name: "orders_placed_total", help: "x" });
      const b = new Histogram<"step">({
        name: "saga_step_duration_seconds",
        labelNames: ["step"],
      });
      const c = new Gauge({ help: "its name second", name: "oldest_age_seconds" });`;
    assert.deepEqual(declaredMetrics(source), [
      { name: "orders_placed_total", kind: "counter" },
      { name: "saga_step_duration_seconds", kind: "histogram" },
      { name: "oldest_age_seconds", kind: "gauge" },
    ]);
  });
  it("knows the series a histogram and a summary expose", () => {
    assert.deepEqual(exposedNames("h", "histogram"), ["h_bucket", "h_sum", "h_count"]);
    assert.deepEqual(exposedNames("s", "summary"), ["s", "s_sum", "s_count"]);
    assert.deepEqual(exposedNames("c_total", "counter"), ["c_total"]);
  });
});

describe("heading anchors", () => {
  it("makes GitHub's anchors: lower case, punctuation dropped, spaces to hyphens", () => {
    assert.equal(slug("SagaStalled"), "sagastalled");
    assert.equal(slug("Where to look"), "where-to-look");
    assert.equal(slug("TLS to backing servers"), "tls-to-backing-servers");
    assert.equal(slug("The first owner, and the `dev` accounts!"), "the-first-owner-and-the-dev-accounts");
    assert.equal(slug("Outbox **stuck** (see [docs](x.md))"), "outbox-stuck-see-docs");
    assert.equal(slug("snake_case and kebab-case"), "snake_case-and-kebab-case");
  });
  it("reads ATX headings outside code fences, numbering repeats", () => {
    const markdown = [
      "# Operations",
      "## Runbooks",
      "```sh",
      "# a shell comment, not a heading",
      "```",
      "~~~",
      "## Not either",
      "~~~",
      "### How to fix",
      "### How to fix ##",
      "#not-a-heading",
    ].join("\n");
    assert.deepEqual([...headingAnchors(markdown)], ["operations", "runbooks", "how-to-fix", "how-to-fix-1"]);
  });
});

describe("runbookLinkProblems", () => {
  const doc = { path: "docs/operations.md", markdown: "# Operations\n## Runbooks\n### SagaStalled\n" };
  it("accepts an alert whose runbook_url is a heading of the document", () => {
    assert.deepEqual(
      runbookLinkProblems([{ alert: "SagaStalled", url: "docs/operations.md#sagastalled" }], doc),
      [],
    );
  });
  it("names each alert with a missing, misplaced or dangling runbook_url", () => {
    const problems = runbookLinkProblems(
      [
        { alert: "TargetDown", url: undefined },
        { alert: "OutboxStuck", url: "docs/operations.md#outboxstuck" },
        { alert: "PodRestarting", url: "https://example.invalid/runbooks#podrestarting" },
        { alert: "DeadLetterQueueNotEmpty", url: "docs/operations.md" },
      ],
      doc,
    );
    assert.equal(problems.length, 4);
    assert.match(problems[0] ?? "", /alert TargetDown has no runbook_url/);
    assert.match(problems[1] ?? "", /alert OutboxStuck: .*no #outboxstuck/);
    assert.match(problems[2] ?? "", /alert PodRestarting: .*must be docs\/operations\.md#/);
    assert.match(problems[3] ?? "", /alert DeadLetterQueueNotEmpty: .*must be docs\/operations\.md#/);
  });
});
