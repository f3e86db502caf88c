import { useCallback, useEffect, useState } from "react";

export interface BrowserRead<T> {
  /** The last answer of this `read` (kept while it is asked again). */
  data: T | undefined;
  isSuccess: boolean;
  isError: boolean;
  /** Ask again, keeping the last answer until the new one arrives. */
  refetch: () => void;
}

type Answer<T> = { from: () => Promise<T> } & ({ ok: true; data: T } | { ok: false });

/**
 * What `read` (a server action; keep it stable) answers, asked once from the browser while `enabled` —
 * for what a page a shared cache keeps leaves to the browser (the cart, who is looking). Plain state
 * rather than a query library, so that no query cache is part of the JavaScript a page loads first.
 */
export function useBrowserRead<T>(read: () => Promise<T>, enabled: boolean): BrowserRead<T> {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  // Bumped by refetch; the answer is current when it came from this read and this attempt.
  const [attempt, setAttempt] = useState(0);
  const [answered, setAnswered] = useState(-1);
  const current = answer?.from === read ? answer : null;
  const due = enabled && (current === null || answered !== attempt);

  useEffect(() => {
    if (!due) return;
    let live = true;
    read().then(
      (data) => {
        if (!live) return;
        setAnswer({ from: read, ok: true, data });
        setAnswered(attempt);
      },
      () => {
        if (!live) return;
        setAnswer({ from: read, ok: false });
        setAnswered(attempt);
      },
    );
    return () => {
      live = false;
    };
  }, [due, read, attempt]);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    data: current?.ok ? current.data : undefined,
    isSuccess: current?.ok === true,
    isError: current?.ok === false,
    refetch,
  };
}
