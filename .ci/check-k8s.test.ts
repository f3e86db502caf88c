// Unit tests of check-k8s's parts: the flows table, the flows NetworkPolicies allow, the variables
// haproxy.cfg needs, the compose gateway check, and identity's mail settings.
// Run: `npx tsx --test .ci/check-k8s.test.ts`
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkComposeGateway, interpolate } from "./compose-gateway.ts";
import { checkGatewayEnv, haproxyEnv } from "./haproxy-env.ts";
import {
  allowedFlows,
  compareFlows,
  expectedFlows,
  flowKey,
  parseFlowTable,
  workloads,
  type Obj,
} from "./k8s-flows.ts";
import { identityMailProblems } from "./k8s-identity-mail.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const deployment = (name: string, port: number, extra: Record<string, string> = {}): Obj => ({
  kind: "Deployment",
  metadata: { name },
  spec: {
    template: {
      metadata: { labels: { "app.kubernetes.io/name": name, ...extra } },
      spec: { containers: [{ name, ports: [{ name: "http", containerPort: port, protocol: "TCP" }] }] },
    },
  },
});
const policy = (name: string, spec: Obj): Obj => ({ kind: "NetworkPolicy", metadata: { name }, spec });
const app = (name: string) => ({ podSelector: { matchLabels: { "app.kubernetes.io/name": name } } });
const denyAll = policy("deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });

describe("allowedFlows", () => {
  it("allows a flow between two pods only when the sender lets it out and the receiver lets it in", () => {
    const objects = [
      { kind: "Namespace", metadata: { name: "shop" } },
      deployment("web", 3000),
      deployment("catalog", 4001),
      denyAll,
      policy("web", {
        podSelector: app("web").podSelector,
        policyTypes: ["Egress"],
        egress: [{ to: [app("catalog")], ports: [{ port: 4001 }] }],
      }),
    ];
    assert.deepEqual(allowedFlows(objects).map(flowKey), []);
    objects.push(
      policy("catalog", {
        podSelector: app("catalog").podSelector,
        policyTypes: ["Ingress"],
        ingress: [{ from: [app("web")], ports: [{ port: "http" }] }],
      }),
    );
    assert.deepEqual(allowedFlows(objects).map(flowKey), ["web → catalog 4001"]);
  });

  it("names peers outside the namespace, label selectors with expressions, and unisolated pods", () => {
    const objects = [
      { kind: "Namespace", metadata: { name: "shop" } },
      deployment("web", 3000, { "emporium.io/metrics": "http" }),
      deployment("lonely", 9999),
      policy("deny", {
        podSelector: { matchLabels: { "app.kubernetes.io/name": "web" } },
        policyTypes: ["Ingress", "Egress"],
      }),
      policy("scrape", {
        podSelector: { matchLabels: { "emporium.io/metrics": "http" } },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }],
            ports: [{ port: "http" }],
          },
        ],
      }),
      policy("out", {
        podSelector: {
          matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: ["web"] }],
        },
        policyTypes: ["Egress"],
        egress: [
          {
            to: [
              {
                ipBlock: {
                  cidr: "0.0.0.0/0",
                  except: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"],
                },
              },
            ],
            ports: [{ port: 443 }],
          },
          { to: [{ ipBlock: { cidr: "10.20.0.0/24" } }], ports: [{ port: 53, protocol: "UDP" }] },
        ],
      }),
    ];
    assert.deepEqual(allowedFlows(objects).map(flowKey).sort(), [
      // the pod no policy selects can be reached from anywhere and reach anything, web included
      "anywhere → lonely any",
      "lonely → anywhere any",
      "lonely → lonely any",
      "ns:monitoring → web 3000",
      "web → internet 443",
      "web → ip:10.20.0.0/24 53/UDP",
    ]);
  });
});

const table = `
intro
<!-- network-flows:start -->

| from | to | port | in | why |
| --- | --- | --- | --- | --- |
| \`gateway\` | \`web\`, \`catalog\` | http | dev, prod | routing |
| \`*\` | \`ns:kube-system/kube-dns\` | 53/UDP, 53/TCP | dev | lookups |

<!-- network-flows:end -->
`;

describe("the flows table", () => {
  it("parses rows and expands them per overlay: * is every workload, a named port the destination's", () => {
    const { rows, errors } = parseFlowTable(table);
    assert.deepEqual(errors, []);
    assert.equal(rows.length, 2);
    const pods = workloads([
      deployment("gateway", 8080),
      deployment("web", 3000),
      deployment("catalog", 4001),
    ]);
    const dev = expectedFlows(rows, "dev", pods);
    assert.deepEqual(dev.errors, []);
    assert.deepEqual(dev.flows.map(flowKey), [
      "gateway → web 3000",
      "gateway → catalog 4001",
      ...["gateway", "web", "catalog"].flatMap((p) => [
        `${p} → ns:kube-system/kube-dns 53/UDP`,
        `${p} → ns:kube-system/kube-dns 53`,
      ]),
    ]);
    assert.equal(expectedFlows(rows, "prod", pods).flows.length, 2);
  });

  it("reports a row naming a workload the overlay does not run, and a row with an empty cell", () => {
    const { rows } = parseFlowTable(table);
    const missing = expectedFlows(
      rows,
      "prod",
      workloads([deployment("gateway", 8080), deployment("web", 3000)]),
    );
    assert.match(missing.errors.join("\n"), /catalog does not run in prod/);
    const broken = parseFlowTable(table.replace("| routing |", "|  |"));
    assert.match(broken.errors.join("\n"), /every row needs from, to, port, in and why/);
    assert.match(parseFlowTable("no table").errors.join(""), /no table between/);
  });

  it("tells flows allowed but not listed from flows listed but not allowed", () => {
    const diff = compareFlows(
      [
        { from: "a", to: "b", port: "1" },
        { from: "a", to: "c", port: "2" },
      ],
      [
        { from: "a", to: "b", port: "1" },
        { from: "a", to: "d", port: "3" },
      ],
    );
    assert.deepEqual(diff, { unexpected: ["a → c 2"], missing: ["a → d 3"] });
  });
});

const haproxyCfg = readFileSync(path.join(root, "infra", "gateway", "haproxy.cfg"), "utf8");

describe("haproxyEnv", () => {
  it("requires what a configuration uses outside .if blocks without a presetenv default", () => {
    const env = haproxyEnv(
      [
        "global",
        "  presetenv PORT 8080",
        '  bind "${ADDR}:${PORT}"',
        ".if defined(EXTRA)",
        '  server x "${EXTRA}"',
        ".endif",
        '  crt "${HAPROXY_CFGFILES}"',
      ].join("\n"),
    );
    assert.deepEqual([...env.required], ["ADDR"]);
    assert.deepEqual([...env.referenced].sort(), ["ADDR", "EXTRA", "PORT"]);
  });

  it("finds the gateway's own required variables, and a misspelt one set beside them", () => {
    const env = haproxyEnv(haproxyCfg);
    assert.deepEqual([...env.required].sort(), ["GATEWAY_ADMIN_HOST", "GATEWAY_CERT", "GATEWAY_SHOP_HOST"]);
    const given = new Set([
      "GATEWAY_ADMIN_HOST",
      "GATEWAY_CERT",
      "GATEWAY_SHOP_HOSTS",
      "WEB_DNS",
      "ADMIN_DNS",
      "CATALOG_DNS",
    ]);
    assert.deepEqual(checkGatewayEnv(env, given), [
      "GATEWAY_SHOP_HOST is not set (haproxy.cfg needs it)",
      "GATEWAY_SHOP_HOSTS is set but haproxy.cfg never reads it",
    ]);
  });
});

describe("checkComposeGateway", () => {
  const compose = readFileSync(path.join(root, "docker-compose.yml"), "utf8");

  it("reads ${VAR:-default} as compose does with nothing set", () => {
    assert.equal(
      interpolate("https://${GATEWAY_SHOP_HOST:-shop.localhost}/$$x"),
      "https://shop.localhost/$x",
    );
  });

  it("passes the repository's docker-compose.yml", () => {
    assert.deepEqual(checkComposeGateway(compose, haproxyCfg), []);
  });

  it("fails a stack whose upstream is missing, whose app publishes a port, or whose admin URL is localhost", () => {
    const broken = compose
      .replace("      CATALOG_DNS: catalog:4001\n", "")
      .replace(
        "    # reached through the gateway only (no host port",
        '    ports: ["127.0.0.1:3000:3000"]\n    # (no host port',
      )
      .replace(
        "NEXTAUTH_URL: https://${GATEWAY_ADMIN_HOST:-admin.localhost}",
        "NEXTAUTH_URL: http://localhost:3001",
      );
    const problems = checkComposeGateway(broken, haproxyCfg).join("\n");
    assert.match(problems, /CATALOG_DNS is not set/);
    assert.match(problems, /web: publishes a host port/);
    assert.match(problems, /admin: NEXTAUTH_URL should be https:\/\/admin\.localhost/);
  });
});

describe("identityMailProblems", () => {
  const config = (name: string, data: Record<string, string>): Obj => ({
    kind: "ConfigMap",
    metadata: { name },
    data,
  });
  const withEnv = (name: string, configMap: string, env: Obj[] = []): Obj => ({
    kind: "Deployment",
    metadata: { name },
    spec: {
      template: { spec: { containers: [{ name, envFrom: [{ configMapRef: { name: configMap } }], env }] } },
    },
  });
  const smtpSecret = {
    name: "SMTP_URL",
    valueFrom: { secretKeyRef: { name: "identity-smtp", key: "SMTP_URL" } },
  };
  const render = (identity: Record<string, string>, env: Obj[] = []): Obj[] => [
    config("web-config", { SITE_URL: "https://shop.example" }),
    withEnv("web", "web-config"),
    config("identity-config", identity),
    withEnv("identity", "identity-config", env),
  ];
  const prodSettings = { STOREFRONT_URL: "https://shop.example", MAIL_FROM: "Shop <no-reply@shop.example>" };

  it("passes prod with the relay from a Secret, links to the storefront and the shop's sender", () => {
    assert.deepEqual(identityMailProblems("overlays/prod", render(prodSettings, [smtpSecret])), []);
  });

  it("passes a preview that keeps mail in the readable dev mailbox", () => {
    const dev = { STOREFRONT_URL: "https://shop.example", IDENTITY_DEV_MAILBOX: "true" };
    assert.deepEqual(identityMailProblems("overlays/dev", render(dev)), []);
  });

  it("fails an overlay where sign-up mail would be lost, or its links lead away from the storefront", () => {
    const problems = identityMailProblems(
      "overlays/dev",
      render({ STOREFRONT_URL: "http://localhost:3000" }),
    );
    assert.equal(problems.length, 2);
    assert.match(
      problems.join("\n"),
      /STOREFRONT_URL http:\/\/localhost:3000 is not the storefront's SITE_URL/,
    );
    assert.match(problems.join("\n"), /every sign-up mail would be lost/);
    assert.match(identityMailProblems("base", render({})).join("\n"), /STOREFRONT_URL must be set/);
  });

  it("fails prod without the relay's Secret, with a literal SMTP_URL, the dev mailbox, or no sender", () => {
    const literal = render({ STOREFRONT_URL: "https://shop.example", SMTP_URL: "smtp://u:p@relay:587" });
    const problems = identityMailProblems("overlays/prod", literal).join("\n");
    assert.match(problems, /SMTP_URL must come from a Secret/);
    assert.match(problems, /SMTP_URL must come from the operator's Secret in prod/);
    assert.match(problems, /MAIL_FROM must name the shop's own sender/);
    const mailbox = render({ ...prodSettings, IDENTITY_DEV_MAILBOX: "true" }, [smtpSecret]);
    assert.deepEqual(identityMailProblems("overlays/prod", mailbox), [
      "identity: IDENTITY_DEV_MAILBOX must not be set in prod",
    ]);
  });
});
