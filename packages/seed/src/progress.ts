// Progress for long work (seeding, migrating): a live bar on a terminal, and a plain line every few
// seconds when output goes to a log or through turbo, which has no terminal to redraw.
import cliProgress from "cli-progress";

export interface ProgressReporter {
  update(done: number, total: number, stage: string): void;
  stop(): void;
}

export function createProgressReporter(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressReporter {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} {stage} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
        hideCursor: true,
        stream,
      },
      cliProgress.Presets.shades_classic,
    );
    let currentStage = "";
    return {
      update(done, total, stage) {
        if (stage !== currentStage) {
          if (currentStage) bar.stop();
          bar.start(total, done, { stage: stage.padEnd(6) });
          currentStage = stage;
        } else bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  let lastStage = "";
  return {
    update(done, total, stage) {
      const now = Date.now();
      if (stage === lastStage && done < total && now - lastLine < 2_000) return;
      lastLine = now;
      lastStage = stage;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      stream.write(`${label} ${stage}: ${done}/${total} (${pct}%)\n`);
    },
    stop: () => undefined,
  };
}
