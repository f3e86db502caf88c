import type { ReactNode } from "react";
import { cn } from "../cn";

export type BadgeTone = "neutral" | "brand" | "sale" | "success" | "warning";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-canvas-muted text-ink ring-line-strong",
  brand: "bg-brand-50 text-brand-800 ring-brand-200",
  sale: "bg-sale-50 text-sale ring-sale-200",
  success: "bg-success-50 text-success ring-success-200",
  warning: "bg-warning-50 text-warning ring-warning-200",
};

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}

export function Badge({ tone = "neutral", children, className }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
