// Previous/next pagination for cursor-paged lists: there are no page numbers, only the neighbours.
// A missing neighbour stays in place as a disabled control so the layout does not jump.
import type { ReactNode } from "react";
import { buttonStyles } from "../button";
import { cn } from "../cn";
import { PlainLink, type LinkComponent } from "../link";

export interface PaginationProps {
  prevHref: string | null;
  nextHref: string | null;
  /** Shown between the two controls, e.g. "24 of 565 products". */
  status?: ReactNode;
  label?: string;
  LinkComponent?: LinkComponent;
  className?: string;
}

export function Pagination({
  prevHref,
  nextHref,
  status,
  label = "Pagination",
  LinkComponent = PlainLink,
  className,
}: PaginationProps) {
  if (!prevHref && !nextHref && !status) return null;
  const control = (href: string | null, rel: "prev" | "next", text: string, arrow: string) => {
    const content =
      rel === "prev" ? (
        <>
          <span aria-hidden="true">{arrow}</span> {text}
        </>
      ) : (
        <>
          {text} <span aria-hidden="true">{arrow}</span>
        </>
      );
    return href ? (
      <LinkComponent href={href} rel={rel} className={buttonStyles({ variant: "secondary" })}>
        {content}
      </LinkComponent>
    ) : (
      <span aria-disabled="true" className={buttonStyles({ variant: "secondary" })}>
        {content}
      </span>
    );
  };
  return (
    <nav aria-label={label} className={cn("flex items-center justify-between gap-4", className)}>
      {control(prevHref, "prev", "Previous", "←")}
      {/* A div, not a p: the status may hold block content (page-number links), which a p cannot. */}
      {status && <div className="text-sm text-ink-muted">{status}</div>}
      {control(nextHref, "next", "Next", "→")}
    </nav>
  );
}
