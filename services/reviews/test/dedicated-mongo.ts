// A mongo-java-server of a test's own, on a free port, that the test may kill and start again on the same
// port while traffic runs — never the shared one on 27017 the other suites use. (testkit's
// dedicatedServer does this for memcached and redis-server; a JVM needs a longer start-up allowance, its
// output when it fails to come up, and not to outlive a test process that dies.) It is the build CI
// already fetched and compiled (ensure_mongo in .ci/lib.sh: .ci/cache/mongo/classes and lib/*), run the
// same way (EmporiumMongoServer <host> <port>), with the classpath taken from TEST_MONGO_SERVER_CLASSPATH.
// mongo-java-server keeps everything in memory: a restarted instance is empty.
import { spawn, type ChildProcess } from "node:child_process";
import { waitFor } from "@emporium/testkit";
import { acceptsConnections, freePort } from "@emporium/testkit/processes";

/** The entry point .ci/brokers/EmporiumMongoServer.java compiles to. */
const MAIN_CLASS = "EmporiumMongoServer";

export interface DedicatedMongo {
  port: number;
  url: string;
  /** Starts the server on `port` and waits until it accepts connections. */
  start(): Promise<void>;
  /** Kills the JVM outright (SIGKILL): a crash, not a shutdown, so no connection is closed politely. */
  kill(): Promise<void>;
}

export async function dedicatedMongo(classpath: string): Promise<DedicatedMongo> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  // Whatever the JVM printed, for the failure message when it does not come up.
  let output = "";

  const server: DedicatedMongo = {
    port,
    url: `mongodb://127.0.0.1:${port}`,
    async start() {
      output = "";
      const started = spawn(
        "java",
        [
          "-Xmx256m",
          "-XX:+ExitOnOutOfMemoryError",
          "-XX:+UseSerialGC",
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-cp",
          classpath,
          MAIN_CLASS,
          "127.0.0.1",
          String(port),
        ],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      child = started;
      // A test process that dies (or is stopped) does not leave a JVM behind.
      const orphaned = () => started.kill("SIGKILL");
      process.once("exit", orphaned);
      started.once("exit", () => process.off("exit", orphaned));
      for (const stream of [started.stdout, started.stderr])
        stream.on("data", (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-4_000)));
      let exitedEarly = false;
      started.once("exit", () => (exitedEarly = true));
      started.once("error", (err) => {
        exitedEarly = true;
        output += `\ncould not start java: ${err.message}`;
      });
      try {
        await waitFor(
          async () => {
            if (exitedEarly) return "exited";
            return (await acceptsConnections(port)) && "accepting";
          },
          { timeoutMs: 60_000, intervalMs: 100, what: `mongo-java-server on port ${port}` },
        ).then((state) => {
          if (state === "exited") throw new Error("the JVM exited before it listened");
        });
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        await server.kill();
        throw new Error(
          `mongo-java-server (classpath ${classpath}) did not start: ${reason}\n${output.trim()}`,
        );
      }
    },
    async kill() {
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
