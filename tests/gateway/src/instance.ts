// One process of the stack under test, which the test can SIGKILL and start again: its own process
// group (so `next start`'s worker dies with it), its output appended to a log file across restarts.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const REPO_DIR = fileURLToPath(new URL("../../..", import.meta.url));

export interface InstanceOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
}

export class Instance {
  private child: ChildProcess | null = null;
  private exit: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly options: InstanceOptions,
  ) {}

  start(): void {
    const out = openSync(this.options.logFile, "a");
    const child = spawn(this.command, this.args, {
      cwd: this.options.cwd,
      env: this.options.env,
      detached: true,
      stdio: ["ignore", out, out],
    });
    closeSync(out);
    this.child = child;
    this.exit = new Promise((resolve) => child.once("exit", () => resolve()));
  }

  /** The running process's id (undefined before start). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  exited(): boolean {
    return this.child === null || this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private signal(signal: NodeJS.Signals): boolean {
    const pid = this.child?.pid;
    if (pid === undefined) return false;
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false;
    }
  }

  /** SIGKILL to the whole group: no shutdown hook runs, open connections are cut. */
  async kill(): Promise<void> {
    this.signal("SIGKILL");
    await this.exit;
  }

  /** SIGTERM to the process alone, as an orchestrator stops a container; resolves once it has exited. */
  async terminate(): Promise<void> {
    this.child?.kill("SIGTERM");
    await this.exit;
    this.signal("SIGKILL");
  }

  /** SIGTERM, then SIGKILL after a grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.signal("SIGTERM")) return;
    const timer = setTimeout(() => this.signal("SIGKILL"), graceMs);
    await this.exit;
    clearTimeout(timer);
    // The group may outlive its leader for a moment (Next's worker).
    this.signal("SIGKILL");
  }

  tail(lines = 30): string {
    try {
      return readFileSync(this.options.logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "(no log)";
    }
  }
}
