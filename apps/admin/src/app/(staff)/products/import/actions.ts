"use server";
// The import's two steps as server actions: check a slice of the file (the page walks the file slice by
// slice, so its progress bar moves), then write the whole file at once — the catalog checks every row
// again before it writes, and writes all of them or none.
import { requireStaff } from "@/auth/session";
import { refusalOf } from "@/trpc/refusal";
import { catalogAs } from "@/trpc/server";

export interface ImportProblemView {
  line: number;
  column: string;
  message: string;
}

export type ImportStepResult =
  | {
      ok: true;
      checked: number;
      created: number;
      unchanged: number;
      problems: ImportProblemView[];
      problemCount: number;
    }
  | { ok: false; message: string };

type Rows = Record<string, string>[];

async function run(
  columns: string[],
  rows: Rows,
  write: boolean,
  firstLine: number,
): Promise<ImportStepResult> {
  const staff = await requireStaff();
  try {
    // Writing a thousand products takes a while on a small database; checking is quick.
    const answer = await catalogAs(staff, { timeoutMs: write ? 300_000 : 30_000 }).products.import.mutate({
      columns,
      rows,
      write,
      firstLine,
    });
    return { ok: true, ...answer };
  } catch (error) {
    return { ok: false, message: refusalOf(error).message };
  }
}

export async function checkImportSlice(columns: string[], rows: Rows, firstLine: number) {
  return run(columns, rows, false, firstLine);
}

export async function writeImport(columns: string[], rows: Rows) {
  return run(columns, rows, true, 2);
}
