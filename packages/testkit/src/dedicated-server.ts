// A server of a test's own (memcached, redis-server, mongo-java-server…) on a free port, which the test
// may kill and start again on the same port while traffic runs — never the shared server the other
// suites use. It never outlives the test process, and one that does not come up fails with what it
// printed.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chmod, chown, copyFile, mkdtemp, rm } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port";
import type { TestCertificates } from "./tls";

const run = promisify(execFile);
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
  /** Run it as this user (a server that refuses to run as root, started by a test running as root). */
  user?: { uid: number; gid: number };
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
  { startTimeoutMs = 10_000, user }: DedicatedServerOptions = {},
): Promise<DedicatedServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;

  const server: DedicatedServer = {
    port,
    async start() {
      // Whatever it printed (the last 4 KB), for the failure message when it does not come up.
      let output = "";
      let exited: string | null = null;
      const started = spawn(command, args(port), { stdio: ["ignore", "pipe", "pipe"], ...user });
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

export interface DedicatedPostgres extends DedicatedServer {
  /** postgresql://postgres@localhost:<port>/postgres (trust authentication), plus `query` if given. */
  url(query?: Record<string, string>): string;
  /** Stops it and removes its data folder. */
  remove(): Promise<void>;
}

export interface DedicatedPostgresOptions {
  /** Serve TLS (ssl = on) with this certificate and key; plain connections are still accepted. */
  tls?: Pick<TestCertificates, "certFile" | "keyFile">;
}

/** The uid and gid of a local user, from `id`. */
async function userIds(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all(
    ["-u", "-g"].map(async (flag) => Number((await run("id", [flag, name])).stdout.trim())),
  );
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`no local user "${name}"`);
  return { uid: uid as number, gid: gid as number };
}

/** Where initdb and postgres are: pg_config's answer, or the PATH when there is no pg_config. */
async function postgresBin(name: string): Promise<string> {
  try {
    return path.join((await run("pg_config", ["--bindir"])).stdout.trim(), name);
  } catch {
    return name;
  }
}

/**
 * A PostgreSQL cluster of a test's own, made by initdb in a temporary folder (trust authentication,
 * no fsync: nothing in it is worth keeping), listening on localhost. PostgreSQL refuses to run as
 * root, so a test running as root runs it as the `postgres` user. Killed, it is not restarted (its
 * children leave on their own, a moment later); call `remove` when done.
 */
export async function dedicatedPostgres({ tls }: DedicatedPostgresOptions = {}): Promise<DedicatedPostgres> {
  const dir = await mkdtemp(path.join(tmpdir(), "emporium-pg-"));
  const user = process.getuid?.() === 0 ? await userIds("postgres") : undefined;
  const owned = async (file: string) => {
    if (user) await chown(file, user.uid, user.gid);
  };
  await owned(dir);
  const data = path.join(dir, "data");
  await run(
    await postgresBin("initdb"),
    ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"],
    user ?? {},
  );
  const ssl: string[] = [];
  if (tls) {
    // The server reads its key only when the key is its own and no one else may read it.
    const cert = path.join(dir, "server.pem");
    const key = path.join(dir, "server.key");
    await copyFile(tls.certFile, cert);
    await copyFile(tls.keyFile, key);
    await chmod(key, 0o600);
    await Promise.all([owned(cert), owned(key)]);
    ssl.push("-c", "ssl=on", "-c", `ssl_cert_file=${cert}`, "-c", `ssl_key_file=${key}`);
  }
  const postgres = await postgresBin("postgres");
  const server = await dedicatedServer(
    postgres,
    (port) => [
      "-D",
      data,
      "-p",
      String(port),
      "-c",
      "listen_addresses=localhost",
      "-c",
      `unix_socket_directories=${dir}`,
      "-c",
      "fsync=off",
      ...ssl,
    ],
    { startTimeoutMs: 30_000, ...(user ? { user } : {}) },
  );
  return Object.assign(server, {
    url(query: Record<string, string> = {}) {
      const search = new URLSearchParams(query).toString();
      return `postgresql://postgres@localhost:${server.port}/postgres${search ? `?${search}` : ""}`;
    },
    async remove() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  });
}
