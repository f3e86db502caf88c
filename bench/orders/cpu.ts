// CPU time by process group, read from /proc (Linux): the platform's services by pid, and the servers
// beside them by command name — PostgreSQL, Kafka (java), RabbitMQ (beam.smp). Two snapshots give the
// CPU each used in between, which, divided by the orders handled, is what one order costs where.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

export type CpuSnapshot = Map<string, number>;

/** CPU seconds so far per group: `named` maps pids to names; other processes go by their command. */
export function cpuSnapshot(named: ReadonlyMap<number, string>): CpuSnapshot {
  const totals: CpuSnapshot = new Map();
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
    const fields = stat.slice(close + 2).split(" ");
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
    const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    const group =
      named.get(Number(entry)) ??
      (comm === "postgres"
        ? "postgres"
        : comm === "java"
          ? "java (kafka, s3, mongo)"
          : comm === "beam.smp"
            ? "rabbitmq"
            : null);
    if (group) totals.set(group, (totals.get(group) ?? 0) + seconds);
  }
  return totals;
}

/** CPU seconds per group between two snapshots (a process that ended in between is not counted). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  return new Map([...after].map(([group, s]) => [group, Math.max(0, s - (before.get(group) ?? 0))]));
}
