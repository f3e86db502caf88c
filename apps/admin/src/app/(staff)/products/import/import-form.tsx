"use client";
// Importing products from a CSV file. The file is read in the browser, checked by the catalog slice by
// slice (the progress bar follows), every problem listed by line and column; only a file with no
// problems can be imported, and it is written whole or not at all.
import { useState } from "react";
import Link from "next/link";
import { parse } from "csv-parse/browser/esm/sync";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { checkImportSlice, writeImport, type ImportProblemView } from "./actions";

const SLICE = 50;
const MAX_ROWS = 1000;
const MAX_BYTES = 2 * 1024 * 1024;

type Phase =
  | { kind: "idle" }
  | { kind: "checking"; done: number; total: number }
  | { kind: "refused"; message: string }
  | { kind: "problems"; problems: ImportProblemView[]; count: number; total: number }
  | { kind: "ready"; columns: string[]; rows: Record<string, string>[] }
  | { kind: "writing"; total: number }
  | { kind: "imported"; created: number; unchanged: number };

function readCsv(text: string): { columns: string[]; rows: Record<string, string>[] } {
  const records: string[][] = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  const [header = [], ...body] = records;
  const columns = header.map((c) => c.trim().toLowerCase());
  const rows = body.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""])));
  return { columns, rows };
}

export function ImportForm() {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "checking" || phase.kind === "writing";

  async function check(file: File) {
    if (file.size > MAX_BYTES) return setPhase({ kind: "refused", message: "The file is larger than 2 MB." });
    let parsed;
    try {
      parsed = readCsv(await file.text());
    } catch (error) {
      return setPhase({
        kind: "refused",
        message: `The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    const { columns, rows } = parsed;
    if (rows.length === 0)
      return setPhase({ kind: "refused", message: "The file has no products under its header." });
    if (rows.length > MAX_ROWS)
      return setPhase({
        kind: "refused",
        message: `The file has ${rows.length} products; import at most ${MAX_ROWS} at a time.`,
      });
    const problems: ImportProblemView[] = [];
    let count = 0;
    setPhase({ kind: "checking", done: 0, total: rows.length });
    for (let start = 0; start < rows.length; start += SLICE) {
      const result = await checkImportSlice(columns, rows.slice(start, start + SLICE), start + 2);
      if (!result.ok) return setPhase({ kind: "refused", message: result.message });
      problems.push(...result.problems);
      count += result.problemCount;
      // A bad header makes every slice fail the same way: once is enough.
      if (result.problems.some((p) => p.line === 1)) break;
      setPhase({ kind: "checking", done: Math.min(rows.length, start + SLICE), total: rows.length });
    }
    setPhase(
      count > 0
        ? { kind: "problems", problems, count, total: rows.length }
        : { kind: "ready", columns, rows },
    );
  }

  async function write(columns: string[], rows: Record<string, string>[]) {
    setPhase({ kind: "writing", total: rows.length });
    const result = await writeImport(columns, rows);
    if (!result.ok) return setPhase({ kind: "refused", message: result.message });
    setPhase(
      result.problemCount > 0
        ? { kind: "problems", problems: result.problems, count: result.problemCount, total: rows.length }
        : { kind: "imported", created: result.created, unchanged: result.unchanged },
    );
  }

  return (
    <div className="mt-6 grid max-w-4xl gap-6">
      <form
        aria-label="Import products"
        className="flex flex-wrap items-end gap-4 rounded-2xl border border-line bg-surface p-5"
        onSubmit={(event) => {
          event.preventDefault();
          const file = new FormData(event.currentTarget).get("file");
          if (file instanceof File && file.size > 0) void check(file);
          else setPhase({ kind: "refused", message: "Choose a CSV file first." });
        }}
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor="import-file" className="text-sm font-medium">
            CSV file
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            className="text-sm"
            disabled={busy}
          />
        </div>
        <Button type="submit" disabled={busy}>
          Check file
        </Button>
      </form>

      {phase.kind === "checking" && (
        <div role="status" className="grid gap-2">
          <label htmlFor="import-progress" className="text-sm">
            Checking products: {phase.done} of {phase.total}
          </label>
          <progress id="import-progress" value={phase.done} max={phase.total} className="w-full" />
        </div>
      )}
      {phase.kind === "writing" && (
        <div role="status" className="grid gap-2">
          <label htmlFor="import-progress" className="text-sm">
            Importing {phase.total} products in one step…
          </label>
          <progress id="import-progress" className="w-full" />
        </div>
      )}
      {phase.kind === "refused" && (
        <Alert tone="error" live="assertive" title="Nothing was imported">
          {phase.message}
        </Alert>
      )}
      {phase.kind === "problems" && (
        <section aria-labelledby="problems-heading">
          <Alert tone="error" live="assertive" title="Nothing was imported">
            {phase.count === 1 ? "1 problem" : `${phase.count} problems`} in {phase.total} products. Fix them
            in the file and check it again.
          </Alert>
          <h2 id="problems-heading" className="mt-4 text-lg font-semibold">
            Problems
          </h2>
          <div className="mt-2 overflow-x-auto rounded-2xl border border-line bg-surface">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-line bg-canvas-muted text-xs tracking-wide text-ink-muted uppercase">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Line
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Column
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {phase.problems.map((p, i) => (
                  <tr key={i}>
                    <td className="px-4 py-2 tabular-nums">{p.line}</td>
                    <td className="px-4 py-2 font-mono text-xs">{p.column}</td>
                    <td className="px-4 py-2">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {phase.count > phase.problems.length && (
            <p className="mt-2 text-sm text-ink-muted">The first {phase.problems.length} are listed.</p>
          )}
        </section>
      )}
      {phase.kind === "ready" && (
        <Alert tone="success" live="polite" title={`All ${phase.rows.length} products are ready to import`}>
          <Button className="mt-3" onClick={() => void write(phase.columns, phase.rows)}>
            Import {phase.rows.length} products
          </Button>
        </Alert>
      )}
      {phase.kind === "imported" && (
        <Alert
          tone="success"
          live="polite"
          title={
            `Imported ${phase.created} ${phase.created === 1 ? "product" : "products"}` +
            (phase.unchanged > 0 ? `; ${phase.unchanged} already in the shop as written, left unchanged` : "")
          }
        >
          Their variants start with no stock.{" "}
          <Link href="/products?status=DRAFT" className="underline">
            See the drafts
          </Link>{" "}
          or{" "}
          <Link href="/products" className="underline">
            all products
          </Link>
          .
        </Alert>
      )}
    </div>
  );
}
