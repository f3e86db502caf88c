// Child processes for the e2e stack. Each runs in its own process group (detached), so stopping it
// also stops what it started (npx/tsx wrappers, Next's worker), and its output goes to a log file
// that is printed when something fails.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { waitFor } from "./wait-for";

export interface ChildOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
}

export interface Child {
  name: string;
  logFile: string;
  /** Resolves with the exit code (or null when killed by a signal). */
  exited: Promise<number | null>;
  hasExited(): boolean;
  stop(): Promise<void>;
}

export function startChild(name: string, command: string, args: string[], options: ChildOptions): Child {
  const log = createWriteStream(options.logFile);
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      done = true;
      resolve(code);
    });
    child.once("error", (err) => {
      log.write(`\n[e2e] could not start ${name}: ${err.message}\n`);
      done = true;
      resolve(-1);
    });
  });

  /** Signals every process in the child's group; false once the group is gone. */
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    if (child.pid === undefined) return false;
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false;
    }
  };

  return {
    name,
    logFile: options.logFile,
    exited,
    hasExited: () => done,
    async stop() {
      // The leader can exit before the processes it started (Next's server worker), so wait for the
      // whole group to be gone, and kill whatever is left after a grace period.
      signalGroup("SIGTERM");
      const deadline = Date.now() + 10_000;
      while (signalGroup(0) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      if (signalGroup(0)) signalGroup("SIGKILL");
      await exited;
      log.end();
    },
  };
}

/** Runs a command to completion; fails with the tail of its log when it exits non-zero. */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  options: ChildOptions,
): Promise<void> {
  const child = startChild(name, command, args, options);
  const code = await child.exited;
  await child.stop();
  if (code !== 0) throw new Error(`${name} exited with ${code}\n${await logTail(options.logFile)}`);
}

export async function logTail(file: string, lines = 40): Promise<string> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text.split("\n").slice(-lines).join("\n");
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Polls `url` until it answers 2xx, failing early (with the log) if the process dies. */
export async function waitUntilServing(child: Child, url: string, timeoutMs: number): Promise<void> {
  try {
    await waitFor(
      async () => {
        if (child.hasExited()) throw new Error(`${child.name} exited before it was ready`);
        return answers(url);
      },
      { timeoutMs, intervalMs: 500, what: `${child.name} at ${url}` },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- ${child.name} log ---\n${await logTail(child.logFile)}`);
  }
}
