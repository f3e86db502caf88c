// Content that React hydrates after the rest of the page, in slices of a few milliseconds between the
// browser's other work, instead of in the one long task that hydrates the page shell. React gives each
// server-rendered Suspense boundary its own, lower-priority hydration pass (a click inside one that is
// not hydrated yet hydrates it first and is replayed). Only for content already rendered — nothing here
// waits for data, so the server always sends it in place and no fallback is ever shown, with or
// without JavaScript.
import { Suspense, type ReactNode } from "react";

export function HydrateLater({ children }: { children: ReactNode }) {
  return <Suspense>{children}</Suspense>;
}
