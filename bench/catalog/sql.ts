// Bench (b): one listing query straight from the database — through Prisma ($queryRawUnsafe with the
// catalog's SQL text and values) and through raw `pg` with the very same SQL text and parameters — driven by
// the same number of parallel loops for the same time.
import { percentile, progress, type Figures } from "./stats";

export interface LoopOptions {
  concurrency: number;
  warmupSeconds: number;
  durationSeconds: number;
}

async function loops(
  run: () => Promise<unknown>,
  concurrency: number,
  seconds: number,
): Promise<{ latencies: number[]; errors: number; elapsedMs: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  let firstError: unknown;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await run();
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors += 1;
        firstError ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (firstError !== undefined)
    progress(`first error: ${firstError instanceof Error ? firstError.message : String(firstError)}`);
  return { latencies, errors, elapsedMs: performance.now() - start };
}

export async function measureQuery(
  label: string,
  run: () => Promise<unknown>,
  opts: LoopOptions,
): Promise<Figures> {
  progress(`${label}: warm-up ${opts.warmupSeconds}s`);
  await loops(run, opts.concurrency, opts.warmupSeconds);
  progress(`${label}: measuring ${opts.durationSeconds}s with ${opts.concurrency} parallel loops`);
  const { latencies, errors, elapsedMs } = await loops(run, opts.concurrency, opts.durationSeconds);
  latencies.sort((a, b) => a - b);
  return {
    label,
    perSecond: latencies.length / (elapsedMs / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    count: latencies.length,
    errors,
  };
}
