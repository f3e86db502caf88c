"use client";
// Keeps the order page live: while the tab is visible it re-renders the server page every few seconds
// (router.refresh keeps form inputs as typed), so saga steps and refund results appear without a reload.
// Polling rather than the orders service's SSE stream, because that stream is for shoppers (it needs
// the order's access token) and the orders service is not reachable from staff browsers.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function LiveRefresh({ intervalMs = 3000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
