// Grafana dashboards as code: this file writes grafana/dashboards/*.json (Grafana's JSON model), which
// compose provisions (provisioning/dashboards/emporium.yml) and Kubernetes ships in a ConfigMap
// (../kustomization.yaml). One helper per panel kind keeps every dashboard laid out, labelled and wired
// to the same datasource alike; every query names only metrics the code registers (checked in CI by
// .ci/check-observability.ts, which also fails when the JSON in git is not what this file writes).
//   npx tsx infra/observability/grafana/dashboards.ts          write the JSON
//   npx tsx infra/observability/grafana/dashboards.ts --check  exit 1 if the JSON in git differs
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";

const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "dashboards");
/** The datasource's uid, as provisioning/datasources/prometheus.yml names it. */
const DATASOURCE = { type: "prometheus", uid: "prometheus" } as const;
const RATE = "$__rate_interval";

interface Query {
  expr: string;
  legend: string;
}
interface PanelSpec {
  title: string;
  queries: Query[];
  unit?: string;
  /** Grid width out of 24. */
  width?: number;
  kind?: "timeseries" | "stat";
  /** Stat panels: the value from which the figure turns red. */
  redFrom?: number;
  description?: string;
  stack?: boolean;
}
interface RowSpec {
  row: string;
  panels: PanelSpec[];
}
interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  rows: RowSpec[];
}

const q = (expr: string, legend: string): Query => ({ expr, legend });
/** A panel of one query. */
const one = (title: string, expr: string, legend: string, unit?: string): PanelSpec => ({
  title,
  queries: [q(expr, legend)],
  ...(unit ? { unit } : {}),
});

function panelJson(spec: PanelSpec, id: number, gridPos: object): object {
  const targets = spec.queries.map((query, i) => ({
    refId: String.fromCharCode(65 + i),
    datasource: DATASOURCE,
    expr: query.expr,
    legendFormat: query.legend,
  }));
  const base = {
    id,
    type: spec.kind ?? "timeseries",
    title: spec.title,
    ...(spec.description ? { description: spec.description } : {}),
    datasource: DATASOURCE,
    gridPos,
    targets,
  };
  if (spec.kind === "stat") {
    return {
      ...base,
      fieldConfig: {
        defaults: {
          unit: spec.unit ?? "short",
          thresholds: {
            mode: "absolute",
            steps: [
              { color: "green", value: null },
              ...(spec.redFrom === undefined ? [] : [{ color: "red", value: spec.redFrom }]),
            ],
          },
        },
        overrides: [],
      },
      options: { reduceOptions: { calcs: ["lastNotNull"], fields: "", values: false }, colorMode: "value" },
    };
  }
  return {
    ...base,
    fieldConfig: {
      defaults: {
        unit: spec.unit ?? "short",
        custom: { fillOpacity: spec.stack ? 30 : 10, stacking: { mode: spec.stack ? "normal" : "none" } },
      },
      overrides: [],
    },
    options: {
      legend: { displayMode: "list", placement: "bottom", showLegend: true },
      tooltip: { mode: "multi", sort: "desc" },
    },
  };
}

/** Lays the rows out top to bottom, panels left to right (8 wide unless told), wrapping at 24. */
function dashboardJson(spec: DashboardSpec): object {
  const panels: object[] = [];
  let id = 1;
  let y = 0;
  for (const row of spec.rows) {
    panels.push({
      id: id++,
      type: "row",
      title: row.row,
      collapsed: false,
      gridPos: { h: 1, w: 24, x: 0, y },
      panels: [],
    });
    y += 1;
    let x = 0;
    for (const panel of row.panels) {
      const w = panel.width ?? 8;
      const h = panel.kind === "stat" ? 4 : 8;
      if (x + w > 24) {
        x = 0;
        y += 8;
      }
      panels.push(panelJson(panel, id++, { h, w, x, y }));
      x += w;
    }
    y += 8;
  }
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: ["emporium", ...spec.tags],
    editable: true,
    graphTooltip: 1,
    refresh: "30s",
    schemaVersion: 39,
    version: 1,
    time: { from: "now-1h", to: "now" },
    timepicker: {},
    timezone: "",
    annotations: { list: [] },
    templating: { list: [] },
    links: [
      { title: "Emporium", type: "dashboards", tags: ["emporium"], asDropdown: true, includeVars: false },
    ],
    panels,
  };
}

// ---- building blocks shared by the dashboards ----

/** Rate, errors and duration of one service's tRPC procedures. */
function redRow(service: string): RowSpec {
  const sel = `service="${service}"`;
  return {
    row: "Requests (tRPC procedures)",
    panels: [
      {
        title: "Requests by procedure",
        unit: "reqps",
        queries: [
          q(`sum by (procedure) (rate(rpc_server_duration_seconds_count{${sel}}[${RATE}]))`, "{{procedure}}"),
        ],
      },
      {
        title: "Errors by procedure and code",
        unit: "reqps",
        queries: [
          q(
            `sum by (procedure, code) (rate(rpc_server_errors_total{${sel}}[${RATE}]))`,
            "{{procedure}} {{code}}",
          ),
        ],
      },
      {
        title: "Duration p99 by procedure",
        unit: "s",
        queries: [
          q(
            `histogram_quantile(0.99, sum by (procedure, le) (rate(rpc_server_duration_seconds_bucket{${sel}}[${RATE}])))`,
            "{{procedure}}",
          ),
        ],
      },
      {
        title: "Server error ratio",
        unit: "percentunit",
        description: "Server errors (the service's fault) and all errors (refusals included) per call",
        queries: [
          q(`service:rpc_server_error_ratio:rate5m{${sel}}`, "server errors"),
          q(`service:rpc_error_ratio:rate5m{${sel}}`, "all errors"),
        ],
      },
      {
        title: "Duration p50 / p99",
        unit: "s",
        queries: [
          q(
            `histogram_quantile(0.5, sum by (le) (rate(rpc_server_duration_seconds_bucket{${sel}}[${RATE}])))`,
            "p50",
          ),
          q(
            `histogram_quantile(0.99, sum by (le) (rate(rpc_server_duration_seconds_bucket{${sel}}[${RATE}])))`,
            "p99",
          ),
        ],
      },
      {
        title: "Instances up",
        unit: "short",
        queries: [q(`sum(up{job="${service}"})`, "up"), q(`count(up{job="${service}"})`, "scraped")],
      },
    ],
  };
}

/** Node's own health: CPU, memory, event loop, heap, per instance. */
function processRow(service: string): RowSpec {
  const sel = `service="${service}"`;
  return {
    row: "Process (Node.js)",
    panels: [
      {
        title: "CPU",
        unit: "percentunit",
        width: 6,
        queries: [q(`rate(process_cpu_seconds_total{${sel}}[${RATE}])`, "{{instance}}")],
      },
      {
        title: "Resident memory",
        unit: "bytes",
        width: 6,
        queries: [q(`process_resident_memory_bytes{${sel}}`, "{{instance}}")],
      },
      {
        title: "Event loop lag p99",
        unit: "s",
        width: 6,
        queries: [q(`nodejs_eventloop_lag_p99_seconds{${sel}}`, "{{instance}}")],
      },
      {
        title: "Heap used",
        unit: "bytes",
        width: 6,
        queries: [q(`nodejs_heap_size_used_bytes{${sel}}`, "{{instance}}")],
      },
      {
        title: "Log lines not shipped to the log store",
        description:
          "Lines the log shipper dropped (stdout still has them), by reason: buffer_full and send_failed mean the log store is slow or away. Runbook: LogLinesDropped.",
        unit: "short",
        queries: [q(`sum by (reason) (increase(log_lines_dropped_total{${sel}}[${RATE}]))`, "{{reason}}")],
      },
    ],
  };
}

function poolPanel(service: string): PanelSpec {
  return one(
    "PostgreSQL pool",
    `sum by (state) (db_pool_connections{service="${service}"})`,
    "{{state}}",
    "short",
  );
}

function outboxPanels(service: string): PanelSpec[] {
  const sel = `service="${service}"`;
  return [
    one("Outbox rows waiting", `max by (outbox) (outbox_waiting_messages{${sel}})`, "{{outbox}}"),
    one(
      "Outbox oldest waiting row",
      `max by (outbox) (outbox_oldest_waiting_age_seconds{${sel}})`,
      "{{outbox}}",
      "s",
    ),
    {
      title: "Outbox publish lag p99",
      unit: "s",
      queries: [
        q(
          `histogram_quantile(0.99, sum by (outbox, le) (rate(outbox_publish_lag_seconds_bucket{${sel}}[${RATE}])))`,
          "{{outbox}}",
        ),
      ],
    },
  ];
}

function consumerLagPanel(service: string): PanelSpec {
  return {
    title: "Event consumer lag",
    queries: [
      q(
        `sum by (group, topic) (max by (group, topic, partition) (event_consumer_lag_messages{service="${service}"}))`,
        "{{group}} ← {{topic}}",
      ),
    ],
  };
}

function commandQueuePanel(service: string): PanelSpec {
  return {
    title: "Command queues by state",
    queries: [
      q(`max by (queue, state) (command_queue_messages{service="${service}"})`, "{{queue}} {{state}}"),
    ],
  };
}

function breakerPanels(service: string): PanelSpec[] {
  const sel = `service="${service}"`;
  return [
    one(
      "Circuit breakers (0 closed, 1 half-open, 2 open)",
      `max by (dependency) (circuit_breaker_state{${sel}})`,
      "{{dependency}}",
    ),
    {
      title: "Calls refused by an open breaker",
      unit: "reqps",
      queries: [
        q(`sum by (dependency) (rate(circuit_breaker_rejections_total{${sel}}[${RATE}]))`, "{{dependency}}"),
      ],
    },
  ];
}

function serviceDashboard(
  service: string,
  title: string,
  description: string,
  own: RowSpec[],
): DashboardSpec {
  return {
    uid: `emporium-${service}`,
    title: `Emporium / ${title}`,
    description,
    tags: ["service", service],
    rows: [redRow(service), ...own, processRow(service)],
  };
}

// ---- the dashboards ----

// Shared by the overview and the orders dashboard.
const ordersPerMinute: PanelSpec = {
  title: "Orders per minute",
  queries: [
    q("shop:orders_placed:per_minute", "placed"),
    q("shop:orders_confirmed:per_minute", "confirmed"),
    q("shop:orders_delivered:per_minute", "delivered"),
  ],
};
const revenuePerMinute = one(
  "Revenue per minute (confirmed orders, before refunds)",
  "currency:orders_confirmed_amount:per_minute",
  "{{currency}}",
);
const cancellations: PanelSpec = {
  title: "Cancellations per minute by reason",
  stack: true,
  queries: [q("reason:orders_cancelled:per_minute", "{{reason}}")],
};
const checkoutErrorRatio: PanelSpec = {
  title: "Checkout (placeOrder) server error ratio",
  unit: "percentunit",
  description: "SLO 99.5 %: the fast-burn alert fires above 7.2 % over 5 m and 1 h",
  queries: [
    q("checkout:place_order_server_error_ratio:rate5m", "5m"),
    q("checkout:place_order_server_error_ratio:rate1h", "1h"),
  ],
};
const sagaStepP99 = one("Saga step p99", "step:saga_step_duration_seconds:p99_10m", "{{step}}", "s");

const overview: DashboardSpec = {
  uid: "emporium-overview",
  title: "Emporium / Overview",
  description: "The shop at a glance: orders, checkout health, latency and errors of every service",
  tags: ["overview"],
  rows: [
    {
      row: "Shop",
      panels: [
        {
          title: "Orders placed / min",
          kind: "stat",
          width: 6,
          queries: [q("shop:orders_placed:per_minute", "placed")],
        },
        {
          title: "Orders confirmed / min",
          kind: "stat",
          width: 6,
          queries: [q("shop:orders_confirmed:per_minute", "confirmed")],
        },
        {
          title: "Checkout server errors (5m)",
          kind: "stat",
          unit: "percentunit",
          width: 6,
          redFrom: 0.005,
          queries: [q("checkout:place_order_server_error_ratio:rate5m", "placeOrder")],
        },
        {
          title: "Oldest unfinished order",
          kind: "stat",
          unit: "s",
          width: 6,
          redFrom: 900,
          queries: [q("max(orders_oldest_unfinished_order_age_seconds)", "age")],
        },
        ordersPerMinute,
        revenuePerMinute,
        cancellations,
        checkoutErrorRatio,
        one("Placed → confirmed p99", "shop:orders_placed_to_confirmed_seconds:p99_10m", "p99", "s"),
        sagaStepP99,
        one("Firing alerts", 'count by (severity) (ALERTS{alertstate="firing"})', "{{severity}}"),
      ],
    },
    {
      row: "Services",
      panels: [
        one("Requests by service", "service:rpc_requests:rate5m", "{{service}}", "reqps"),
        one(
          "Server error ratio by service",
          "service:rpc_server_error_ratio:rate5m",
          "{{service}}",
          "percentunit",
        ),
        one("p99 by service", "service:rpc_duration_seconds:p99_5m", "{{service}}", "s"),
        one("Targets up by job", "sum by (job) (up)", "{{job}}"),
        {
          title: "Gateway requests by host",
          unit: "reqps",
          queries: [
            q(
              `sum by (proxy) (rate(haproxy_backend_http_requests_total{proxy=~"web|admin|catalog"}[${RATE}]))`,
              "{{proxy}}",
            ),
          ],
        },
        {
          title: "Messaging backlog",
          queries: [
            q("sum(service_group_topic:event_consumer_lag_messages:sum)", "consumer lag"),
            q('sum(service_queue_state:command_queue_messages:max{state="dead"})', "dead-lettered"),
            q("sum(service_outbox:outbox_waiting_messages:max)", "outbox waiting"),
          ],
        },
      ],
    },
  ],
};

const messaging: DashboardSpec = {
  uid: "emporium-messaging",
  title: "Emporium / Messaging",
  description:
    "Kafka consumer lag and dead-lettered events, RabbitMQ command queues (ready, retrying, dead-lettered) and the outboxes",
  tags: ["messaging"],
  rows: [
    {
      row: "Kafka consumers",
      panels: [
        {
          title: "Lag by group and topic",
          width: 12,
          queries: [q("service_group_topic:event_consumer_lag_messages:sum", "{{group}} ← {{topic}}")],
        },
        {
          title: "Lag by partition",
          width: 12,
          queries: [
            q(
              "max by (group, topic, partition) (event_consumer_lag_messages)",
              "{{group}} ← {{topic}}/{{partition}}",
            ),
          ],
        },
        one("Dead-lettered events by topic", "max by (topic) (event_dead_letter_messages)", "{{topic}}.dlq"),
      ],
    },
    {
      row: "RabbitMQ command queues",
      panels: [
        {
          title: "Dead-lettered commands",
          kind: "stat",
          width: 24,
          redFrom: 1,
          queries: [q('sum(service_queue_state:command_queue_messages:max{state="dead"})', "dead")],
        },
        one("Ready", 'service_queue_state:command_queue_messages:max{state="ready"}', "{{queue}}"),
        one(
          "Retrying (waiting out a delay)",
          'service_queue_state:command_queue_messages:max{state="retrying"}',
          "{{queue}}",
        ),
        one(
          "Dead-lettered by queue",
          'service_queue_state:command_queue_messages:max{state="dead"}',
          "{{queue}}",
        ),
      ],
    },
    {
      row: "Outboxes",
      panels: [
        one("Rows waiting", "service_outbox:outbox_waiting_messages:max", "{{outbox}}"),
        one("Oldest waiting row", "service_outbox:outbox_oldest_waiting_age_seconds:max", "{{outbox}}", "s"),
        {
          title: "Published per second",
          unit: "ops",
          queries: [q(`sum by (outbox) (rate(outbox_published_total[${RATE}]))`, "{{outbox}}")],
        },
        {
          title: "Write → publish lag p99",
          unit: "s",
          width: 24,
          queries: [
            q(
              `histogram_quantile(0.99, sum by (outbox, le) (rate(outbox_publish_lag_seconds_bucket[${RATE}])))`,
              "{{outbox}}",
            ),
          ],
        },
      ],
    },
  ],
};

const catalog = serviceDashboard(
  "catalog",
  "Catalog",
  "Products, prices, stock read model and the two-level cache",
  [
    {
      row: "Cache and storage",
      panels: [
        {
          title: "Cache hit ratio by level",
          unit: "percentunit",
          queries: [
            q(
              `sum by (level) (rate(cache_requests_total{service="catalog",result="hit"}[${RATE}])) / sum by (level) (rate(cache_requests_total{service="catalog"}[${RATE}]))`,
              "{{level}}",
            ),
          ],
        },
        {
          title: "Cache requests by level and result",
          unit: "reqps",
          queries: [
            q(
              `sum by (level, result) (rate(cache_requests_total{service="catalog"}[${RATE}]))`,
              "{{level}} {{result}}",
            ),
          ],
        },
        poolPanel("catalog"),
        consumerLagPanel("catalog"),
        ...breakerPanels("catalog"),
      ],
    },
  ],
);

const orders = serviceDashboard("orders", "Orders", "Carts, checkout and the order saga with its outbox", [
  {
    row: "Orders and the saga",
    panels: [
      ordersPerMinute,
      revenuePerMinute,
      cancellations,
      {
        title: "Status transitions",
        unit: "ops",
        queries: [
          q(`sum by (to) (rate(orders_status_transitions_total{service="orders"}[${RATE}]))`, "{{to}}"),
        ],
      },
      {
        title: "Placed → confirmed",
        unit: "s",
        queries: [
          q(
            `histogram_quantile(0.5, sum by (le) (rate(orders_placed_to_confirmed_seconds_bucket[${RATE}])))`,
            "p50",
          ),
          q(
            `histogram_quantile(0.99, sum by (le) (rate(orders_placed_to_confirmed_seconds_bucket[${RATE}])))`,
            "p99",
          ),
        ],
      },
      sagaStepP99,
      one("Oldest unfinished order", "max(orders_oldest_unfinished_order_age_seconds)", "age", "s"),
      checkoutErrorRatio,
      poolPanel("orders"),
    ],
  },
  { row: "Outbox", panels: outboxPanels("orders") },
]);

const payment = serviceDashboard(
  "payment",
  "Payment",
  "The payment worker: authorize, capture, refund at the provider",
  [
    {
      row: "Payment provider",
      panels: [
        {
          title: "Provider calls by operation and outcome",
          unit: "ops",
          queries: [
            q(
              `sum by (operation, outcome) (rate(payment_provider_calls_total[${RATE}]))`,
              "{{operation}} {{outcome}}",
            ),
          ],
        },
        {
          title: "Provider call p99 by operation",
          unit: "s",
          queries: [
            q(
              `histogram_quantile(0.99, sum by (operation, le) (rate(payment_provider_call_duration_seconds_bucket[${RATE}])))`,
              "{{operation}}",
            ),
          ],
        },
        {
          title: "Commands by outcome",
          unit: "ops",
          queries: [
            q(`sum by (command, outcome) (rate(payment_commands_total[${RATE}]))`, "{{command}} {{outcome}}"),
          ],
        },
        ...breakerPanels("payment"),
        commandQueuePanel("payment"),
        poolPanel("payment"),
      ],
    },
    { row: "Outbox", panels: outboxPanels("payment") },
  ],
);

const inventory = serviceDashboard(
  "inventory",
  "Inventory",
  "The inventory worker: reservations, commits, releases, and its staff stock API",
  [
    {
      row: "Stock",
      panels: [
        {
          title: "Reservations by outcome",
          unit: "ops",
          queries: [q(`sum by (outcome) (rate(inventory_reservations_total[${RATE}]))`, "{{outcome}}")],
        },
        commandQueuePanel("inventory"),
        consumerLagPanel("inventory"),
        poolPanel("inventory"),
      ],
    },
    { row: "Outbox", panels: outboxPanels("inventory") },
  ],
);

const fulfillment = serviceDashboard(
  "fulfillment",
  "Fulfillment",
  "The fulfillment worker: shipments, the carrier, packing slips",
  [
    {
      row: "Shipments",
      panels: [
        {
          title: "Shipments by status",
          stack: true,
          queries: [q("max by (status) (fulfillment_shipments)", "{{status}}")],
        },
        {
          title: "Ship commands by outcome",
          unit: "ops",
          queries: [q(`sum by (outcome) (rate(fulfillment_ship_commands_total[${RATE}]))`, "{{outcome}}")],
        },
        {
          title: "Carrier steps by status reached",
          unit: "ops",
          queries: [q(`sum by (to) (rate(fulfillment_carrier_steps_total[${RATE}]))`, "{{to}}")],
        },
        ...breakerPanels("fulfillment"),
        commandQueuePanel("fulfillment"),
      ],
    },
    { row: "Outbox", panels: outboxPanels("fulfillment") },
  ],
);

const identity = serviceDashboard("identity", "Identity", "Sign-in, accounts and staff", [
  {
    row: "Sign-in",
    panels: [
      {
        title: "Sign-ins by outcome",
        unit: "ops",
        queries: [q(`sum by (outcome) (rate(identity_sign_ins_total[${RATE}]))`, "{{outcome}}")],
      },
      poolPanel("identity"),
    ],
  },
  { row: "Outbox", panels: outboxPanels("identity") },
]);

const reviews = serviceDashboard("reviews", "Reviews", "Reviews, ratings and moderation (MongoDB)", [
  { row: "Events", panels: [consumerLagPanel("reviews")] },
]);

const audit = serviceDashboard("audit", "Audit", "The staff audit log (MongoDB), fed from the audit topic", [
  { row: "Events", panels: [consumerLagPanel("audit")] },
]);

const UPSTREAMS = 'proxy=~"web|admin|catalog"';
const gateway: DashboardSpec = {
  uid: "emporium-gateway",
  title: "Emporium / Gateway",
  description: "HAProxy at the edge: traffic, answers by class, upstream health and the rate limits",
  tags: ["service", "gateway"],
  rows: [
    {
      row: "Traffic",
      panels: [
        {
          title: "Requests by frontend",
          unit: "reqps",
          queries: [q(`sum by (proxy) (rate(haproxy_frontend_http_requests_total[${RATE}]))`, "{{proxy}}")],
        },
        {
          title: "Answers by class (frontends)",
          unit: "reqps",
          stack: true,
          queries: [q(`sum by (code) (rate(haproxy_frontend_http_responses_total[${RATE}]))`, "{{code}}")],
        },
        {
          title: "5xx ratio by upstream",
          unit: "percentunit",
          queries: [
            q(
              `sum by (proxy) (rate(haproxy_backend_http_responses_total{${UPSTREAMS},code="5xx"}[${RATE}])) / sum by (proxy) (rate(haproxy_backend_http_responses_total{${UPSTREAMS}}[${RATE}]))`,
              "{{proxy}}",
            ),
          ],
        },
        {
          title: "Refused at the edge (denied, 4xx)",
          unit: "reqps",
          description:
            "Rate limits answer 429 (4xx here); '..' paths, bad hosts and oversize bodies are refused",
          queries: [
            q(`sum by (proxy) (rate(haproxy_frontend_requests_denied_total[${RATE}]))`, "denied {{proxy}}"),
            q(
              `sum by (proxy) (rate(haproxy_frontend_http_responses_total{code="4xx"}[${RATE}]))`,
              "4xx {{proxy}}",
            ),
          ],
        },
        one("Current sessions", "sum by (proxy) (haproxy_frontend_current_sessions)", "{{proxy}}"),
      ],
    },
    {
      row: "Upstreams",
      panels: [
        one(
          "Healthy servers by upstream",
          `max by (proxy) (haproxy_backend_active_servers{${UPSTREAMS}})`,
          "{{proxy}}",
        ),
        {
          title: "Average response time by upstream",
          unit: "s",
          queries: [
            q(`max by (proxy) (haproxy_backend_response_time_average_seconds{${UPSTREAMS}})`, "{{proxy}}"),
          ],
        },
        {
          title: "Average queue time by upstream",
          unit: "s",
          queries: [
            q(`max by (proxy) (haproxy_backend_queue_time_average_seconds{${UPSTREAMS}})`, "{{proxy}}"),
          ],
        },
        {
          title: "Requests by upstream",
          unit: "reqps",
          width: 24,
          queries: [
            q(
              `sum by (proxy) (rate(haproxy_backend_http_requests_total{${UPSTREAMS}}[${RATE}]))`,
              "{{proxy}}",
            ),
          ],
        },
      ],
    },
  ],
};

const VITALS = [
  { metric: "web_vitals_lcp_seconds", title: "LCP p75 by page", unit: "s" },
  { metric: "web_vitals_inp_seconds", title: "INP p75 by page", unit: "s" },
  { metric: "web_vitals_cls", title: "CLS p75 by page", unit: "none" },
];
const storefront: DashboardSpec = {
  uid: "emporium-storefront",
  title: "Emporium / Storefront",
  description:
    "The shoppers' experience (web vitals reported by browsers) and the two Next.js apps' processes",
  tags: ["service", "web", "admin"],
  rows: [
    {
      row: "Web vitals (p75, as Google judges them)",
      panels: VITALS.map((v) => ({
        title: v.title,
        unit: v.unit,
        queries: [
          q(`histogram_quantile(0.75, sum by (page, le) (rate(${v.metric}_bucket[${RATE}])))`, "{{page}}"),
        ],
      })),
    },
    { ...processRow("web"), row: "Storefront process (Node.js)" },
    { ...processRow("admin"), row: "Admin process (Node.js)" },
  ],
};

const dashboards: Record<string, DashboardSpec> = {
  overview,
  messaging,
  catalog,
  orders,
  payment,
  inventory,
  fulfillment,
  identity,
  reviews,
  audit,
  gateway,
  storefront,
};

/** Every dashboard file's name and its text as committed (Prettier-formatted JSON). */
export async function renderDashboards(): Promise<Map<string, string>> {
  const options = (await resolveConfig(path.join(OUT_DIR, "x.json"))) ?? {};
  const out = new Map<string, string>();
  for (const [name, spec] of Object.entries(dashboards)) {
    const text = await format(JSON.stringify(dashboardJson(spec)), { ...options, parser: "json" });
    out.set(`${name}.json`, text);
  }
  return out;
}

/** The names of the files that differ from (or are missing in, or are extra to) what this file writes. */
export async function staleDashboards(): Promise<string[]> {
  const wanted = await renderDashboards();
  const present = readdirSync(OUT_DIR).filter((f) => f.endsWith(".json"));
  const stale = [...wanted].filter(([file, text]) => {
    try {
      return readFileSync(path.join(OUT_DIR, file), "utf8") !== text;
    } catch {
      return true;
    }
  });
  return [...stale.map(([file]) => file), ...present.filter((f) => !wanted.has(f))];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    const stale = await staleDashboards();
    if (stale.length) {
      console.error(
        `grafana/dashboards out of date: ${stale.join(", ")} — run npx tsx infra/observability/grafana/dashboards.ts`,
      );
      process.exit(1);
    }
    console.log("grafana dashboards: up to date");
  } else {
    for (const [file, text] of await renderDashboards()) writeFileSync(path.join(OUT_DIR, file), text);
    console.log(`grafana dashboards: wrote ${Object.keys(dashboards).length} files to ${OUT_DIR}`);
  }
}
