"use client";
// One polite live region above the queue for what a moderator just did. An approved or rejected review
// leaves the queue — and its form with it — when the page is shown again (the last one leaves an empty
// queue), so its outcome is said here, above whatever the page shows next, to be read and heard.
import { createContext, useContext, useState, type ReactNode } from "react";

export interface Outcome {
  message: string;
  tone: "success" | "error";
}

const Announce = createContext<(outcome: Outcome) => void>(() => undefined);

export function useAnnounce(): (outcome: Outcome) => void {
  return useContext(Announce);
}

export function ModerationOutcomes({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <Announce value={setOutcome}>
      <p
        role="status"
        data-testid="moderation-outcome"
        className={`mt-4 text-sm font-medium ${outcome?.tone === "error" ? "text-sale" : "text-success"}`}
      >
        {outcome?.message}
      </p>
      {children}
    </Announce>
  );
}
