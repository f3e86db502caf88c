// A server of a test's own (memcached, redis-server, mongo-java-server…) on a free port, which the test
// may kill and start again on the same port while traffic runs — never the shared server the other
// suites use. It never outlives the test process, and one that does not come up fails with what it
// printed.
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection } from "node:net";
import { freePort } from "./free-port";
import type { TestCertificates } from "./tls";
import { waitFor } from "./wait-for";

export interface DedicatedServer {
  port: number;
  /** Starts it (again) on `port` and waits until it accepts connections. */
  start(): Promise<void>;
  /** Kills it outright (SIGKILL): a crash, not a shutdown, so no connection is closed politely. */
  stop(): Promise<void>;
}

export interface DedicatedServerOptions {
  /** How long it may take to accept connections (default 10 s; a JVM wants longer). */
  startTimeoutMs?: number;
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
  { startTimeoutMs = 10_000 }: DedicatedServerOptions = {},
): Promise<DedicatedServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;

  const server: DedicatedServer = {
    port,
    async start() {
      // Whatever it printed (the last 4 KB), for the failure message when it does not come up.
      let output = "";
      let exited: string | null = null;
      const started = spawn(command, args(port), { stdio: ["ignore", "pipe", "pipe"] });
      child = started;
      // A test process that dies (or is stopped) does not leave the server behind.
      const orphaned = () => started.kill("SIGKILL");
      process.once("exit", orphaned);
      started.once("exit", (code, signal) => {
        process.off("exit", orphaned);
        exited = `exited (${signal ?? `code ${code}`}) before it listened`;
      });
      started.once("error", (err) => (exited = `could not start ${command}: ${err.message}`));
      for (const stream of [started.stdout, started.stderr])
        stream.on("data", (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-4_000)));
      try {
        // (waitFor keeps polling through a probe's errors: an early exit is a value, thrown after it)
        const state = await waitFor(
          async () => (exited !== null ? "exited" : (await acceptsConnections(port)) && "listening"),
          { timeoutMs: startTimeoutMs, intervalMs: 100, what: `${command} on port ${port}` },
        );
        if (state === "exited") throw new Error(exited ?? "exited");
      } catch (err) {
        await server.stop();
        const reason = err instanceof Error ? err.message : String(err);
        throw new Error(`${command} did not start on port ${port}: ${reason}\n${output.trim()}`.trim());
      }
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const gone = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await gone;
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

export interface DedicatedRedisOptions {
  /**
   * Serve TLS only (no plain port) with this certificate and key; clients are not asked for one of
   * their own (`--tls-auth-clients no`).
   */
  tls?: Pick<TestCertificates, "certFile" | "keyFile" | "caFile">;
}

/** A redis-server of a test's own, persisting nothing; with `tls`, it speaks TLS only, on `port`. */
export function dedicatedRedis({ tls }: DedicatedRedisOptions = {}): Promise<DedicatedServer> {
  return dedicatedServer("redis-server", (port) => [
    ...(tls
      ? [
          "--port",
          "0",
          "--tls-port",
          String(port),
          "--tls-cert-file",
          tls.certFile,
          "--tls-key-file",
          tls.keyFile,
          "--tls-ca-cert-file",
          tls.caFile,
          "--tls-auth-clients",
          "no",
        ]
      : ["--port", String(port)]),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
  ]);
}

export interface DedicatedMongo extends DedicatedServer {
  url: string;
}

/**
 * A mongo-java-server of a test's own: the build CI already fetched and compiled (ensure_mongo in
 * .ci/lib.sh: .ci/cache/mongo/classes and lib/*), run the same way (EmporiumMongoServer <host> <port>),
 * with `classpath` from TEST_MONGO_SERVER_CLASSPATH. It keeps everything in memory: a restarted
 * instance is empty.
 */
export async function dedicatedMongo(classpath: string): Promise<DedicatedMongo> {
  const server = await dedicatedServer(
    "java",
    (port) => [
      "-Xmx256m",
      "-XX:+ExitOnOutOfMemoryError",
      "-XX:+UseSerialGC",
      "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
      "-cp",
      classpath,
      // the entry point .ci/brokers/EmporiumMongoServer.java compiles to
      "EmporiumMongoServer",
      "127.0.0.1",
      String(port),
    ],
    { startTimeoutMs: 60_000 },
  );
  return Object.assign(server, { url: `mongodb://127.0.0.1:${server.port}` });
}
