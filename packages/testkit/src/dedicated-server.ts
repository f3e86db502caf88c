// A server of a test's own (memcached, redis-server…) on a free port, which the test may kill and start
// again on the same port while traffic runs — never the shared server the other suites use.
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";
import { freePort } from "./free-port";
import { waitFor } from "./wait-for";

export interface DedicatedServer {
  port: number;
  /** Starts it (again) on `port` and waits until it accepts connections. */
  start(): Promise<void>;
  /** Kills it outright (SIGKILL): a crash, not a shutdown. */
  stop(): Promise<void>;
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts `command args(port)` on a free port; a missing binary fails with a message naming it. */
export async function dedicatedServer(
  command: string,
  args: (port: number) => string[],
): Promise<DedicatedServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  let failed: Error | null = null;
  const server: DedicatedServer = {
    port,
    async start() {
      failed = null;
      const started = spawn(command, args(port), { stdio: "ignore" });
      started.once("error", (err) => (failed = new Error(`could not start ${command}: ${err.message}`)));
      child = started;
      await waitFor(
        async () => {
          if (failed) throw failed;
          return acceptsConnections(port);
        },
        { timeoutMs: 10_000, what: `${command} on port ${port}` },
      );
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
  };
  await server.start();
  return server;
}

/** A memcached of a test's own (`-u`: it refuses to run as root without naming a user). */
export function dedicatedMemcached(): Promise<DedicatedServer> {
  return dedicatedServer("memcached", (port) => [
    "-l",
    "127.0.0.1",
    "-p",
    String(port),
    "-U",
    "0",
    "-m",
    "16",
    "-u",
    "nobody",
  ]);
}

/** A redis-server of a test's own, persisting nothing. */
export function dedicatedRedis(): Promise<DedicatedServer> {
  return dedicatedServer("redis-server", (port) => [
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
