// The README's quick start, checked: `npm run dev` with no environment at all (a fresh embedded data
// folder) must migrate, seed, and serve a storefront whose category page lists seeded products and
// whose product page renders variants. Run by .ci/run after `npm ci`.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "emporium-dev-smoke-"));
const started = Date.now();
const log = (m: string) => console.log(`[dev-smoke +${Math.round((Date.now() - started) / 1000)}s] ${m}`);

const env: NodeJS.ProcessEnv = { ...process.env, EMPORIUM_DATA_DIR: dataDir, SEED_PRODUCTS: "300" };
for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "REQUIRE_REAL_SERVERS", "CATALOG_URL"])
  delete env[name];

const dev = spawn("npm", ["run", "dev"], {
  cwd: root,
  env,
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
});
const output: string[] = [];
const keep = (chunk: Buffer) => {
  output.push(chunk.toString());
  if (output.length > 400) output.splice(0, output.length - 400);
};
dev.stdout.on("data", keep);
dev.stderr.on("data", keep);

async function poll<T>(what: string, seconds: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (dev.exitCode !== null)
      throw new Error(`npm run dev exited (${dev.exitCode}) while waiting for ${what}`);
    try {
      const value = await probe();
      if (value !== null) return value;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function page(url: string): Promise<string | null> {
  const res = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  return res.ok ? res.text() : null;
}

let failed = false;
try {
  await poll("the catalog to be ready", 600, async () =>
    (await fetch("http://127.0.0.1:4001/readyz")).ok ? true : null,
  );
  log("catalog ready (migrated and seeded)");
  const category = await poll("the category page /c/clothing", 300, () =>
    page("http://localhost:3000/c/clothing"),
  );
  const productLinks = [...category.matchAll(/href="(\/p\/[a-z0-9-]+)"/g)].map((m) => m[1]);
  if (productLinks.length < 5)
    throw new Error(`category page lists ${productLinks.length} products, expected a page of them`);
  log(`category page lists ${new Set(productLinks).size} products`);
  const product = await poll(`the product page ${productLinks[0]}`, 300, () =>
    page(`http://localhost:3000${productLinks[0]}`),
  );
  if (!/Colour/.test(product)) throw new Error("product page does not show its Colour option");
  log(`product page ${productLinks[0]} renders its variant options`);
  const admin = await poll("the admin", 300, () => page("http://localhost:3001/"));
  if (!/Sign in to the merchant admin/.test(admin)) throw new Error("the admin does not ask for a sign-in");
  log("admin renders its sign-in page");
  // Each app's next-auth knows its own address: without one, next-auth takes http://localhost:3000, so
  // the admin's sign-in callbacks led to the storefront.
  for (const [app, base] of [
    ["storefront", "http://localhost:3000"],
    ["admin", "http://localhost:3001"],
  ] as const) {
    const providers = (await (await fetch(`${base}/api/auth/providers`)).json()) as {
      credentials?: { callbackUrl?: string };
    };
    const callback = providers.credentials?.callbackUrl ?? "";
    if (!callback.startsWith(`${base}/`))
      throw new Error(`the ${app}'s sign-in calls back to ${callback || "nothing"}, not ${base}`);
  }
  log("both apps' sign-ins call back to their own address");
  // The seeded local owner account the README gives signs in.
  const signIn = await fetch("http://127.0.0.1:4003/trpc/auth.signIn", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "owner@emporium.local", password: "owner-password" }),
  });
  const signedIn = (await signIn.json()) as { result?: { data?: { role?: string } } };
  if (signedIn.result?.data?.role !== "owner")
    throw new Error(`the local owner account cannot sign in: ${signIn.status} ${JSON.stringify(signedIn)}`);
  log("the local owner account signs in");
  log("PASS: npm run dev serves the shop on embedded defaults");
} catch (err) {
  failed = true;
  console.error(`[dev-smoke] FAIL: ${err instanceof Error ? err.message : String(err)}`);
  console.error(output.join("").split("\n").slice(-60).join("\n"));
} finally {
  if (dev.pid) {
    try {
      process.kill(-dev.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await new Promise((r) => setTimeout(r, 2000));
  if (dev.pid) {
    try {
      process.kill(-dev.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
