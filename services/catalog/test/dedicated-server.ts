// Servers of a test's own — Memcached and Redis it may kill and start again while traffic runs, never
// the shared ones the other suites use — and a TCP proxy that can be cut, to make a shared server
// (PostgreSQL) unreachable.
import { createConnection, createServer, type Socket } from "node:net";
import { dedicatedServer, freePort, type DedicatedServer } from "@emporium/testkit/processes";

export type { DedicatedServer };

export function dedicatedMemcached(): Promise<DedicatedServer> {
  // -u: memcached refuses to run as root without naming a user (and ignores it otherwise).
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

export interface TcpProxy {
  port: number;
  /** Cuts every connection and refuses new ones, as a dead or unreachable server would. */
  cut(): Promise<void>;
  /** Accepts and forwards connections again. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP proxy to 127.0.0.1:`targetPort` that a test can cut, to make a shared server unreachable. */
export async function tcpProxy(targetPort: number): Promise<TcpProxy> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: "127.0.0.1", port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.once("close", () => upstream.destroy());
    upstream.once("close", () => client.destroy());
  });
  const listen = () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  await listen();
  return { port, cut: stop, restore: listen, close: stop };
}
