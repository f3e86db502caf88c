// The network flows a rendered set of manifests allows, and the table of flows infra/k8s/README.md
// promises, in one vocabulary so that .ci/check-k8s.ts can compare them both ways.
//
// A flow is `from → to port`. Peers are:
//   <name>                 the pods labelled app.kubernetes.io/name=<name> (or the workload's own name)
//   ns:<namespace>         any pod of another namespace; ns:<namespace>/<label value> some of its pods
//   internet               0.0.0.0/0 except the private and link-local ranges
//   ip:<cidr>              an address range
//   anywhere               a rule that names no peer
// Ports are numbers (TCP) or <number>/<protocol>; `any` where a rule names no port. A flow between two
// pods of the namespace is allowed when the sender's policies let it out and the receiver's let it in;
// a flow from or to outside the namespace needs only this namespace's side.

import { arr, at, isObj, obj, str, type Obj } from "./yaml-access.ts";

export type { Obj };

export interface Workload {
  name: string;
  labels: Record<string, string>;
  ports: { name?: string; port: number; protocol: string }[];
}

export interface Flow {
  from: string;
  to: string;
  port: string;
}

export const flowKey = (f: Flow): string => `${f.from} → ${f.to} ${f.port}`;

const ANY = "any";
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"];

/** Every pod template of the render, named by its app.kubernetes.io/name label. */
export function workloads(objects: Obj[]): Workload[] {
  return objects.flatMap((o) => {
    if (!["Deployment", "StatefulSet", "Job", "DaemonSet"].includes(str(o.kind) ?? "")) return [];
    const labels = Object.fromEntries(
      Object.entries(obj(at(o, "spec", "template", "metadata", "labels"))).flatMap(([k, v]) =>
        typeof v === "string" ? [[k, v] as const] : [],
      ),
    );
    const ports = arr(at(o, "spec", "template", "spec", "containers")).flatMap((c) =>
      arr(at(c, "ports")).map((p) => ({
        name: str(at(p, "name")),
        port: Number(at(p, "containerPort")),
        protocol: str(at(p, "protocol")) ?? "TCP",
      })),
    );
    const name = labels["app.kubernetes.io/name"] ?? str(at(o, "metadata", "name")) ?? "?";
    return [{ name, labels, ports }];
  });
}

/** A Kubernetes label selector (matchLabels and matchExpressions); an empty one selects everything. */
export function selects(selector: unknown, labels: Record<string, string>): boolean {
  const ml = obj(at(selector, "matchLabels"));
  if (!Object.entries(ml).every(([k, v]) => labels[k] === v)) return false;
  return arr(at(selector, "matchExpressions")).every((e) => {
    const key = str(at(e, "key")) ?? "";
    const values = arr(at(e, "values")).map(String);
    const value = labels[key];
    switch (str(at(e, "operator"))) {
      case "In":
        return value !== undefined && values.includes(value);
      case "NotIn":
        return value === undefined || !values.includes(value);
      case "Exists":
        return value !== undefined;
      case "DoesNotExist":
        return value === undefined;
      default:
        return false;
    }
  });
}

const portText = (port: number | string, protocol: string): string =>
  protocol === "TCP" ? String(port) : `${port}/${protocol}`;

/** A rule's ports as flow ports; named ports resolved against the pod that owns them when known. */
function rulePorts(rule: unknown, owner: Workload | undefined): string[] {
  const ports = arr(at(rule, "ports"));
  if (ports.length === 0) return [ANY];
  return ports.map((p) => {
    const protocol = str(at(p, "protocol")) ?? "TCP";
    const port = at(p, "port");
    if (port === undefined) return ANY;
    if (typeof port === "number") return portText(port, protocol);
    const named = owner?.ports.find((q) => q.name === port && q.protocol === protocol);
    return named ? portText(named.port, protocol) : portText(String(port), protocol);
  });
}

/** How a peer outside the namespace is written in the table; undefined for pods of this namespace. */
function externalPeer(peer: unknown, namespace: string): string | undefined {
  const ipBlock = at(peer, "ipBlock");
  if (isObj(ipBlock)) {
    const cidr = str(ipBlock.cidr) ?? "?";
    const except = arr(ipBlock.except).map(String).sort();
    if (cidr === "0.0.0.0/0" && except.join(",") === [...PRIVATE_RANGES].sort().join(",")) return "internet";
    return except.length > 0 ? `ip:${cidr} except ${except.join(",")}` : `ip:${cidr}`;
  }
  const nsSelector = at(peer, "namespaceSelector");
  if (!isObj(nsSelector)) return undefined;
  if (selects(nsSelector, { "kubernetes.io/metadata.name": namespace })) return undefined;
  const ns = str(at(nsSelector, "matchLabels", "kubernetes.io/metadata.name")) ?? JSON.stringify(nsSelector);
  const pods = Object.values(obj(at(peer, "podSelector", "matchLabels"))).map(String);
  return pods.length > 0 ? `ns:${ns}/${pods.join(",")}` : `ns:${ns}`;
}

/** Whether a peer (podSelector, possibly with this namespace's namespaceSelector) takes in this pod. */
function peerSelectsPod(peer: unknown, pod: Workload, namespace: string): boolean {
  if (isObj(at(peer, "ipBlock"))) return false;
  if (externalPeer(peer, namespace) !== undefined) return false;
  const podSelector = at(peer, "podSelector");
  return podSelector === undefined ? true : selects(podSelector, pod.labels);
}

type Direction = "ingress" | "egress";
const peersKey = (d: Direction) => (d === "ingress" ? "from" : "to");
const typeName = (d: Direction) => (d === "ingress" ? "Ingress" : "Egress");

function policiesFor(policies: Obj[], pod: Workload, d: Direction): Obj[] {
  return policies.filter((p) => {
    const types = arr(at(p, "spec", "policyTypes")).map(String);
    // without policyTypes a policy isolates ingress, and egress only when it has egress rules
    const applies =
      types.length > 0
        ? types.includes(typeName(d))
        : d === "ingress" || at(p, "spec", "egress") !== undefined;
    return applies && selects(at(p, "spec", "podSelector"), pod.labels);
  });
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  if (a.has(ANY)) return b;
  if (b.has(ANY)) return a;
  return new Set([...a].filter((p) => b.has(p)));
}

/** The flows the rendered NetworkPolicies allow (see the header for the vocabulary). */
export function allowedFlows(objects: Obj[]): Flow[] {
  const pods = workloads(objects);
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  const namespace =
    str(
      at(
        objects.find((o) => o.kind === "Namespace"),
        "metadata",
        "name",
      ),
    ) ??
    str(
      at(
        objects.find((o) => at(o, "metadata", "namespace") !== undefined),
        "metadata",
        "namespace",
      ),
    ) ??
    "default";
  const flows = new Map<string, Flow>();
  const add = (from: string, to: string, port: string) => {
    const f = { from, to, port };
    flows.set(flowKey(f), f);
  };

  // the ports on which `self` lets `other` (a pod of the namespace) through in direction d
  const openTo = (self: Workload, other: Workload, d: Direction): Set<string> => {
    const own = policiesFor(policies, self, d);
    if (own.length === 0) return new Set([ANY]);
    const portsOwner = d === "ingress" ? self : other;
    const out = new Set<string>();
    for (const p of own)
      for (const rule of arr(at(p, "spec", d))) {
        const peers = at(rule, peersKey(d));
        const admitted =
          peers === undefined || arr(peers).length === 0
            ? true
            : arr(peers).some((peer) => peerSelectsPod(peer, other, namespace));
        if (admitted) for (const port of rulePorts(rule, portsOwner)) out.add(port);
      }
    return out;
  };

  for (const a of pods)
    for (const b of pods) {
      for (const port of intersect(openTo(a, b, "egress"), openTo(b, a, "ingress")))
        add(a.name, b.name, port);
    }

  for (const pod of pods)
    for (const d of ["ingress", "egress"] as const) {
      const own = policiesFor(policies, pod, d);
      if (own.length === 0) {
        if (d === "ingress") add("anywhere", pod.name, ANY);
        else add(pod.name, "anywhere", ANY);
        continue;
      }
      for (const p of own)
        for (const rule of arr(at(p, "spec", d))) {
          const peers = at(rule, peersKey(d));
          const outside =
            peers === undefined || arr(peers).length === 0
              ? ["anywhere"]
              : arr(peers).flatMap((peer) => externalPeer(peer, namespace) ?? []);
          for (const peer of outside)
            for (const port of rulePorts(rule, d === "ingress" ? pod : undefined)) {
              if (d === "ingress") add(peer, pod.name, port);
              else add(pod.name, peer, port);
            }
        }
    }
  return [...flows.values()];
}

export interface FlowRow {
  line: number;
  from: string[];
  to: string[];
  ports: string[];
  in: string[];
  why: string;
}

const START = "<!-- network-flows:start -->";
const END = "<!-- network-flows:end -->";

function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split("|").map((c) => c.trim());
}
const list = (cell: string): string[] =>
  cell
    .replace(/`/g, "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/**
 * The table between the network-flows markers: columns from | to | port | in | why, where from, to
 * and port are comma-separated lists (every combination is a flow) and `in` names the overlays.
 */
export function parseFlowTable(markdown: string): { rows: FlowRow[]; errors: string[] } {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.trim() === START);
  const end = lines.findIndex((l, i) => i > start && l.trim() === END);
  if (start < 0 || end < 0) return { rows: [], errors: [`no table between ${START} and ${END}`] };
  const table = lines
    .map((text, i) => ({ text, line: i + 1 }))
    .slice(start + 1, end)
    .filter((l) => l.text.trim().startsWith("|"));
  const errors: string[] = [];
  const header = table[0] ? cells(table[0].text).map((c) => c.toLowerCase()) : [];
  if (header.join("|") !== "from|to|port|in|why")
    return {
      rows: [],
      errors: [`the flows table's columns must be from | to | port | in | why, are ${header.join(" | ")}`],
    };
  const rows: FlowRow[] = [];
  for (const { text, line } of table.slice(2)) {
    const c = cells(text);
    const [from = "", to = "", port = "", inEnvs = "", why = ""] = c;
    const row = { line, from: list(from), to: list(to), ports: list(port), in: list(inEnvs), why };
    if (c.length !== 5 || row.from.length * row.to.length * row.ports.length * row.in.length === 0 || !why)
      errors.push(`line ${line}: every row needs from, to, port, in and why`);
    else rows.push(row);
  }
  return { rows, errors };
}

/**
 * The flows the table promises for one overlay: `*` is every workload of the render; a named port
 * (`http`) is the destination pod's port of that name.
 */
export function expectedFlows(
  rows: FlowRow[],
  overlay: string,
  pods: Workload[],
): { flows: Flow[]; errors: string[] } {
  const names = new Set(pods.map((p) => p.name));
  const errors: string[] = [];
  const flows: Flow[] = [];
  const isExternal = (peer: string) =>
    peer === "anywhere" || peer === "internet" || peer.startsWith("ns:") || peer.startsWith("ip:");
  const expand = (peers: string[], line: number): string[] =>
    peers.flatMap((peer) => {
      if (peer === "*") return [...names];
      if (!isExternal(peer) && !names.has(peer)) {
        errors.push(`line ${line}: ${peer} does not run in ${overlay}`);
        return [];
      }
      return [peer];
    });
  for (const row of rows.filter((r) => r.in.includes(overlay))) {
    for (const from of expand(row.from, row.line))
      for (const to of expand(row.to, row.line))
        for (const port of row.ports) {
          const numbered = /^(\d+)(?:\/([A-Z]+))?$/.exec(port);
          if (numbered || port === ANY) {
            flows.push({
              from,
              to,
              port: numbered ? portText(numbered[1] ?? "", numbered[2] ?? "TCP") : ANY,
            });
            continue;
          }
          const pod = pods.find((p) => p.name === to);
          const named = pod?.ports.find((p) => p.name === port);
          if (named) flows.push({ from, to, port: portText(named.port, named.protocol) });
          else errors.push(`line ${row.line}: ${to} has no port named ${port}`);
        }
  }
  return { flows, errors };
}

/** Flows allowed but not in the table, and in the table but not allowed. */
export function compareFlows(allowed: Flow[], expected: Flow[]): { unexpected: string[]; missing: string[] } {
  const a = new Set(allowed.map(flowKey));
  const e = new Set(expected.map(flowKey));
  return {
    unexpected: [...a].filter((k) => !e.has(k)).sort(),
    missing: [...e].filter((k) => !a.has(k)).sort(),
  };
}
