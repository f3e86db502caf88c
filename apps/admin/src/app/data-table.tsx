// The admin's list tables: a card that scrolls sideways on narrow screens, an optional caption for
// screen readers, column titles (numbers aligned to the right) and the rows the page writes itself.
import type { ReactNode } from "react";

export interface DataColumn {
  title: string;
  /** Right-aligned, as the cells of amounts and counts are. */
  numeric?: boolean;
  /** Named for screen readers only (an image column). */
  hidden?: boolean;
}

export function DataTable({
  columns,
  caption,
  className = "mt-6",
  children,
}: {
  columns: readonly DataColumn[];
  caption?: ReactNode;
  /** The card's spacing from what is above it. */
  className?: string;
  /** The table's rows. */
  children: ReactNode;
}) {
  return (
    <div className={`${className} overflow-x-auto rounded-2xl border border-line bg-surface`}>
      <table className="w-full text-left text-sm">
        {caption !== undefined && <caption className="sr-only">{caption}</caption>}
        <thead className="border-b border-line bg-canvas-muted text-xs tracking-wide text-ink-muted uppercase">
          <tr>
            {columns.map((c) => (
              <th
                key={c.title}
                scope="col"
                className={c.numeric ? "px-4 py-3 text-right font-medium" : "px-4 py-3 font-medium"}
              >
                {c.hidden ? <span className="sr-only">{c.title}</span> : c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}
