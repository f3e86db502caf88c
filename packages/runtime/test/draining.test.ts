// Connection draining: told to stop, a process answers /readyz 503 at once and keeps serving requests
// for its drain, then closes and exits cleanly; a Next app's /readyz follows the same flag.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { appLiveness, appReadiness, isDraining, startDraining } from "../src/draining";

const fixture = fileURLToPath(new URL("./fixtures/drain-server.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

async function statusOf(url: string): Promise<number | "refused"> {
  try {
    return (await fetch(url)).status;
  } catch {
    return "refused";
  }
}

describe("draining on SIGTERM", () => {
  it("answers /readyz 503 and still serves during the drain, then exits 0", async () => {
    const child = spawn(tsx, [fixture, "3000"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const [origin] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
      expect(await statusOf(`${origin}/readyz`)).toBe(200);

      const exited = once(child, "exit") as Promise<[number | null, string | null]>;
      child.kill("SIGTERM");
      let readiness = await statusOf(`${origin}/readyz`);
      for (let i = 0; readiness === 200 && i < 50; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        readiness = await statusOf(`${origin}/readyz`);
      }
      expect(readiness).toBe(503);
      // Still draining (3 s): work sent now is answered.
      const work = await fetch(`${origin}/work`);
      expect(work.status).toBe(200);
      expect(await work.json()).toEqual({ done: true });

      const [code] = await exited;
      expect(code).toBe(0);
      expect(await statusOf(`${origin}/work`)).toBe("refused");
    } finally {
      child.kill("SIGKILL");
    }
  }, 20_000);

  it("turns a Next app's /readyz to 503 while /healthz stays 200", async () => {
    expect(isDraining()).toBe(false);
    expect(appReadiness().status).toBe(200);
    startDraining();
    const answer = appReadiness();
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ status: "draining" });
    expect(appLiveness().status).toBe(200);
  });
});
