// One table of the operations console: a caption for screen readers, column titles (numbers aligned to
// the right) and one row of cells per item.
import type { ReactNode } from "react";

export interface OpsColumn {
  title: string;
  numeric?: boolean;
}

export function OpsTable({
  label,
  columns,
  rows,
  rowTestId,
}: {
  label: string;
  columns: readonly OpsColumn[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  rowTestId?: string;
}) {
  return (
    <table className="mt-3 w-full text-left text-sm" aria-label={label}>
      <thead className="text-xs text-ink-muted uppercase">
        <tr>
          {columns.map((c) => (
            <th key={c.title} className={c.numeric ? "py-2 text-right" : "py-2"}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-t border-line" data-testid={rowTestId}>
            {r.cells.map((cell, i) => (
              <td
                key={columns[i]?.title ?? i}
                className={columns[i]?.numeric ? "py-2 text-right tabular-nums" : "py-2"}
              >
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
