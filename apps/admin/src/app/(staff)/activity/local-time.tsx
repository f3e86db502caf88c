"use client";
// A moment in the reader's own time zone, with the exact instant (ISO 8601, UTC) as its title. The
// server does not know the reader's zone, so it renders UTC, said as such; the browser then shows local
// time (useSyncExternalStore renders the server's text while hydrating, so the two never mismatch).
import { useSyncExternalStore } from "react";

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

const noChanges = () => () => undefined;

export function LocalTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const text = useSyncExternalStore(
    noChanges,
    () => date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" }),
    () => `${utc.format(date)} UTC`,
  );
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}
