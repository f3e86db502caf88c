"use client";
// Reports each page view's LCP, INP and CLS to /api/vitals as Next measures them. sendBeacon survives
// the page being closed or left (when INP and CLS are final), and goes to this same origin, which the
// Content-Security-Policy's connect-src 'self' allows.
import { useReportWebVitals } from "next/web-vitals";

const REPORTED = new Set(["LCP", "INP", "CLS"]);

// One function for the app's life: Next registers the callback again whenever it changes.
const report: Parameters<typeof useReportWebVitals>[0] = (metric) => {
  if (!REPORTED.has(metric.name) || typeof navigator.sendBeacon !== "function") return;
  const body = JSON.stringify({ name: metric.name, value: metric.value, path: window.location.pathname });
  navigator.sendBeacon("/api/vitals", new Blob([body], { type: "application/json" }));
};

export function ReportWebVitals(): null {
  useReportWebVitals(report);
  return null;
}
