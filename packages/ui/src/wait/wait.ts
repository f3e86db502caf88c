// How long to wait, in words, for the pages of both apps that tell someone a limit refused them.

/**
 * "1 second", "45 seconds", "2 minutes", "14 minutes", "3 hours". Always rounded up, so nobody is sent
 * back too early; never "0 seconds"; minutes up to two hours (a sign-up limit's hour reads "60 minutes").
 */
export function describeWait(seconds: number): string {
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? "" : "s"}`;
  if (!(seconds > 0) || seconds < 60) return unit(Math.max(1, Math.ceil(seconds || 0)), "second");
  if (seconds <= 2 * 3600) return unit(Math.ceil(seconds / 60), "minute");
  return unit(Math.ceil(seconds / 3600), "hour");
}

/** "in 14 minutes", or a vaguer promise when the refusal did not say. */
export function whenToRetry(seconds: number | null): string {
  return seconds === null ? "in a few minutes" : `in ${describeWait(seconds)}`;
}
