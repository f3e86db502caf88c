// admin.products.import: many products from a spreadsheet, checked row by row — names resolved, the
// same input rules as the new-product form, slugs and SKUs against the shop and the rest of the file —
// and written all at once or not at all. With `write: false` it only checks (the admin's progress bar
// walks the file in slices this way before writing it whole).
import { authorize } from "@emporium/auth";
import type { AdminReference, NewProduct } from "../../../domain/admin-types";
import {
  checkColumns,
  columnFor,
  differingColumns,
  exportRow,
  lineOf,
  rowToDraft,
  slugOfDraft,
  type ImportedDraft,
  type ImportProblem,
} from "../../../domain/product-import";
import type { AuditScope } from "@emporium/contracts";
import type { StaffPrincipal } from "@emporium/service-kit";
import type { Context } from "../../trpc";
import { createProductInput } from "./schemas";

/** Enough to fix a file by; a file with more problems than this is reported by count. */
const MAX_REPORTED = 500;

export interface ImportAnswer {
  checked: number;
  created: number;
  /** Rows that describe a product the shop already has, exactly as it is (an export read back). */
  unchanged: number;
  /** By line of the file (a slice checked with `firstLine` reports the whole file's lines). */
  problems: ImportProblem[];
  problemCount: number;
}

export async function importProducts(
  ctx: Context & { staff: StaffPrincipal; audit: AuditScope },
  input: { columns: string[]; rows: Record<string, string>[]; write: boolean; firstLine: number },
): Promise<ImportAnswer> {
  const staff = ctx.staff;
  const offset = input.firstLine - lineOf(0);
  const answer = (problems: ImportProblem[], created: number, unchanged = 0): ImportAnswer => ({
    checked: input.rows.length,
    created,
    unchanged,
    problems: problems.slice(0, MAX_REPORTED),
    problemCount: problems.length,
  });
  const header = checkColumns(input.columns);
  if (header.length > 0) return answer(header, 0);

  const reference = await ctx.admin.reference();
  const read = input.rows.map((row, index) => rowToDraft(row, index, reference));
  const existing = await existingDrafts(
    ctx,
    read.map((r) => slugOfDraft(r.draft)),
    reference,
  );
  const problems: ImportProblem[] = [];
  const drafts: NewProduct[] = [];
  const rowOfDraft: number[] = [];
  let unchanged = 0;
  read.forEach(({ draft, problems: found }, index) => {
    const line = lineOf(index) + offset;
    problems.push(...found.map((p) => ({ ...p, line })));
    const slug = slugOfDraft(draft);
    const current = existing.get(slug);
    if (current) {
      // A product the shop has: the same row again changes nothing; a changed one is not an update.
      const differing = differingColumns(draft, current);
      if (differing.length === 0) unchanged++;
      else
        problems.push({
          line,
          column: "slug",
          message:
            `${slug} is already a product, and this row differs from it in ${differing.join(", ")}; ` +
            "the import adds new products and changes no existing one — edit it on its page, or give this row a new slug",
        });
      return;
    }
    const parsed = createProductInput.safeParse(draft);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push({ line, column: columnFor(issue.path.join(".")), message: issue.message });
    else if (found.length === 0) {
      drafts.push(parsed.data);
      rowOfDraft.push(index);
    }
  });
  if (drafts.some((d) => d.status === "PUBLISHED")) authorize(staff, "catalog.products.publish");
  const outcome = await ctx.admin.importProducts(drafts, input.write && problems.length === 0, ctx.audit);
  for (const p of outcome.problems)
    problems.push({
      line: lineOf(rowOfDraft[p.index] ?? 0) + offset,
      column: columnFor(p.field),
      message: p.message,
    });
  problems.sort((a, b) => a.line - b.line);
  for (const c of outcome.created) await ctx.invalidateProduct(c.slug);
  if (outcome.created.length > 0)
    ctx.log.info({ products: outcome.created.length, by: staff.userId }, "products imported");
  return answer(problems, outcome.created.length, unchanged);
}

/** The shop's products under these slugs, each as its own export row reads back, by slug. */
async function existingDrafts(
  ctx: Context,
  slugs: readonly string[],
  reference: AdminReference,
): Promise<Map<string, ImportedDraft>> {
  const ids = await ctx.admin.productIdsBySlug([...new Set(slugs)]);
  const drafts = new Map<string, ImportedDraft>();
  for (const [slug, id] of ids)
    drafts.set(slug, rowToDraft(exportRow(await ctx.admin.product(id), reference), 0, reference).draft);
  return drafts;
}
