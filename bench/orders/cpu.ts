// CPU time by process group, read from /proc (Linux): the platform's services by pid, and the servers
// beside them by command name — PostgreSQL, Kafka (java), RabbitMQ (beam.smp). Two snapshots give the
// CPU each used in between, which, divided by the orders handled, is what one order costs where.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

export type CpuSnapshot = Map<string, number>;

/**
 * CPU seconds so far per group: `named` maps pids to names; other processes go by their command. A
 * PostgreSQL backend that exits hands its CPU time to the postmaster that reaps it (cutime/cstime), so
 * PostgreSQL's total counts connections opened and closed in between too; likewise the children this
 * process has reaped (pgbench) are counted as "pgbench".
 */
export function cpuSnapshot(named: ReadonlyMap<number, string>): CpuSnapshot {
  const totals: CpuSnapshot = new Map();
  const add = (group: string, ticks: number) =>
    totals.set(group, (totals.get(group) ?? 0) + ticks / TICKS_PER_SECOND);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    // utime, stime, cutime and cstime are fields 14–17 of the line: 12–15 after "pid (comm) ".
    const [utime, stime, cutime, cstime] = stat
      .slice(close + 2)
      .split(" ")
      .slice(11, 15)
      .map(Number);
    const own = (utime ?? 0) + (stime ?? 0);
    const reaped = (cutime ?? 0) + (cstime ?? 0);
    const pid = Number(entry);
    const name = named.get(pid);
    if (name) {
      add(name, own);
      if (pid === process.pid) add("pgbench", reaped);
    } else if (comm === "postgres") add("postgres", own + reaped);
    else if (comm === "java") add("java (kafka, s3, mongo)", own);
    else if (comm === "beam.smp") add("rabbitmq", own);
  }
  return totals;
}

/** CPU seconds per group between two snapshots (a process that ended in between is not counted). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  return new Map([...after].map(([group, s]) => [group, Math.max(0, s - (before.get(group) ?? 0))]));
}

/** One line: each group's share of a core over `seconds`, busiest first. */
export function describeCpu(used: ReadonlyMap<string, number>, seconds: number): string {
  return [...used]
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([group, s]) => `${group} ${Math.round((s / seconds) * 100)}%`)
    .join(", ");
}
