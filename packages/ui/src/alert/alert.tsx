// A message box: what happened and what the shopper can do. `live` makes it a live region, for
// messages that appear after an action (an error from the server, a change of order status).
import type { ReactNode } from "react";
import { cn } from "../cn";

export type AlertTone = "info" | "success" | "warning" | "error";

const tones: Record<AlertTone, string> = {
  info: "border-brand-200 bg-brand-50 text-brand-900",
  success: "border-success-200 bg-success-50 text-success",
  warning: "border-warning-200 bg-warning-50 text-warning",
  error: "border-sale-200 bg-sale-50 text-sale",
};

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** "assertive" for errors that block the shopper, "polite" for news; omit for static content. */
  live?: "polite" | "assertive";
  className?: string;
}

export function Alert({ tone = "info", title, children, live, className }: AlertProps) {
  const role = live === "assertive" ? "alert" : live === "polite" ? "status" : undefined;
  return (
    <div role={role} className={cn("rounded-xl border px-4 py-3 text-sm", tones[tone], className)}>
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={cn(title && "mt-1", "text-ink")}>{children}</div>}
    </div>
  );
}
