// The cache benchmark's own Memcached and Redis: started on free ports, stopped at the end, so that their
// op counters count the catalog's requests and nobody else's. The counters are read over the servers'
// plain protocols (memcached `stats`, Redis `INFO stats`); what reading them costs is measured once and
// taken off every figure.
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { freePort, stop } from "../catalog/http";
import { progress } from "../catalog/stats";

export interface DedicatedServer {
  name: string;
  port: number;
  child: ChildProcess;
}

/** Sends one request over a fresh connection and collects the reply until `complete` says it is whole. */
function ask(port: number, request: string, complete: (reply: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    let reply = "";
    const timer = setTimeout(() => socket.destroy(new Error(`no whole reply on port ${port} in 2 s`)), 2_000);
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(request));
    socket.on("data", (chunk: string) => {
      reply += chunk;
      if (complete(reply)) {
        clearTimeout(timer);
        socket.end();
        resolve(reply);
      }
    });
    socket.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

async function launch(
  name: string,
  command: string,
  args: (port: number) => string[],
): Promise<DedicatedServer> {
  const port = await freePort();
  const child = spawn(command, args(port), { stdio: ["ignore", "ignore", "inherit"] });
  const failed = new Promise<never>((_, reject) => {
    child.once("error", (err) =>
      reject(new Error(`could not start ${command} (${err.message}); install the Debian package ${name}`)),
    );
    child.once("exit", (code) => reject(new Error(`${command} exited with code ${code} at start`)));
  });
  failed.catch(() => undefined);
  const server = { name, port, child };
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await Promise.race([failed, name === "memcached" ? memcachedOps(server) : redisCommands(server)]);
      progress(`started a dedicated ${name} on 127.0.0.1:${port}`);
      return server;
    } catch (err) {
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        await stop(child);
        throw err;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export function startMemcached(): Promise<DedicatedServer> {
  return launch("memcached", "memcached", (port) => [
    "-l",
    "127.0.0.1",
    "-p",
    String(port),
    "-u",
    "nobody",
    "-m",
    "64",
  ]);
}

export function startRedis(): Promise<DedicatedServer> {
  return launch("redis-server", "redis-server", (port) => [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
  ]);
}

/** memcached's per-operation counters (each get, set/add, touch, delete… counted once). */
const MEMCACHED_OP_COUNTERS = [
  "cmd_get",
  "cmd_set",
  "cmd_touch",
  "cmd_flush",
  "delete_hits",
  "delete_misses",
  "incr_hits",
  "incr_misses",
  "decr_hits",
  "decr_misses",
];

/** The operations memcached has served so far (the sum of its op counters). */
export async function memcachedOps(server: DedicatedServer): Promise<number> {
  const reply = await ask(server.port, "stats\r\n", (r) => r.endsWith("END\r\n"));
  const stats = new Map<string, number>();
  for (const line of reply.split("\r\n")) {
    const [tag, key, value] = line.split(" ");
    if (tag === "STAT" && key && value) stats.set(key, Number(value));
  }
  return MEMCACHED_OP_COUNTERS.reduce((sum, key) => sum + (stats.get(key) ?? 0), 0);
}

/** The commands Redis has processed so far (`total_commands_processed` in `INFO stats`). */
export async function redisCommands(server: DedicatedServer): Promise<number> {
  const reply = await ask(server.port, "*2\r\n$4\r\nINFO\r\n$5\r\nstats\r\n", (r) => {
    const header = /^\$(\d+)\r\n/.exec(r);
    return header?.[1] !== undefined && Buffer.byteLength(r) >= header[0].length + Number(header[1]) + 2;
  });
  const m = /^total_commands_processed:(\d+)\r?$/m.exec(reply);
  if (!m?.[1]) throw new Error(`Redis INFO stats has no total_commands_processed: ${reply.slice(0, 200)}`);
  return Number(m[1]);
}

export interface Ops {
  memcached: number;
  redis: number;
}

/** Both servers' op counters, and what reading them costs (measured, then taken off each difference). */
export class OpCounters {
  private cost: Ops = { memcached: 0, redis: 0 };

  constructor(
    private readonly memcached: DedicatedServer,
    private readonly redis: DedicatedServer,
  ) {}

  async read(): Promise<Ops> {
    const [memcached, redis] = await Promise.all([memcachedOps(this.memcached), redisCommands(this.redis)]);
    return { memcached, redis };
  }

  /** Reads the counters a few times with nothing else going on: the ops each reading adds by itself. */
  async calibrate(readings = 5): Promise<Ops> {
    const first = await this.read();
    let last = first;
    for (let i = 1; i < readings; i++) {
      await new Promise((r) => setTimeout(r, 20));
      last = await this.read();
    }
    this.cost = {
      memcached: (last.memcached - first.memcached) / (readings - 1),
      redis: (last.redis - first.redis) / (readings - 1),
    };
    return this.cost;
  }

  /** The ops the servers served while `work` ran, less the bench's own reading of them. */
  async during(work: () => Promise<void>): Promise<Ops> {
    const before = await this.read();
    await work();
    const after = await this.read();
    return {
      memcached: after.memcached - before.memcached - this.cost.memcached,
      redis: after.redis - before.redis - this.cost.redis,
    };
  }
}
