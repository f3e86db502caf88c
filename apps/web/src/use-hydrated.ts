"use client";
// False while the server renders and while React hydrates, true afterwards: forms use it to tell the
// server whether React (not a plain form post) sent them.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
