import { useCallback, useEffect, useRef, useState } from "react";

/** The longest pause kept: a timer far longer than any limit's window would only hide a mistake. */
const MAX_PAUSE_SECONDS = 15 * 60;

/**
 * A pause that ends by itself: `pause(seconds)` starts one (a later call replaces the wait), and
 * `paused` is true until it is over. The search box rests its suggestions with it.
 */
export function usePause(): { paused: boolean; pause: (seconds: number) => void } {
  const [paused, setPaused] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const pause = useCallback((seconds: number) => {
    clearTimeout(timer.current);
    setPaused(true);
    const ms = Math.min(Math.max(seconds, 1), MAX_PAUSE_SECONDS) * 1000;
    timer.current = setTimeout(() => setPaused(false), ms);
  }, []);
  return { paused, pause };
}
