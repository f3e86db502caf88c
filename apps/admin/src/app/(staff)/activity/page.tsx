// The staff audit log, for owners: who changed what, when, from what to what, and why — newest first,
// filtered by a GET form (so a filtered view is a link to share), a page at a time with "Newer" and
// "Older" links over the audit service's keyset cursor. Nothing here changes anything: the log is
// append-only, and the audit service has no procedure that could edit or remove an entry.
import type { Metadata } from "next";
import Link from "next/link";
import type { AuditEntry } from "@emporium/audit/client";
import { buttonStyles } from "@emporium/ui/button";
import { EmptyState } from "@emporium/ui/empty-state";
import { SelectField } from "@emporium/ui/select-field";
import { TextField } from "@emporium/ui/text-field";
import {
  activityViewOf,
  isFiltered,
  listQueryOf,
  newerHref,
  newestHref,
  olderHref,
  type ActivityView,
} from "@/activity/filters";
import { actionInWords, roleLabel, shownValue, targetHref } from "@/activity/entry-view";
import { activityRefusal } from "@/activity/refusal";
import { requireStaff } from "@/auth/session";
import { getActivityActions, getActivityPage } from "@/trpc/audit";
import { LocalTime } from "./local-time";

export const metadata: Metadata = { title: "Activity" };

/** Target kinds the services record today, offered as suggestions (any kind may be typed). */
const TARGET_TYPES = ["product", "variant", "stock", "order", "review", "staff-member"] as const;

interface ActivityPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function Refused({ role }: { role: string }) {
  return (
    <EmptyState title="Only owners can see the activity log" headingLevel="h1">
      The activity log shows every staff member&apos;s changes, and only owners may read it. Your role (
      {roleLabel(role)}) cannot open it; ask an owner if you need to know who changed something.
    </EmptyState>
  );
}

function ActivityUnavailable() {
  return (
    <section className="mt-6 rounded-2xl border border-line bg-surface p-8 text-center">
      <h2 className="text-lg font-semibold">The activity log is unavailable right now</h2>
      <p className="mt-2 text-sm text-ink-muted">
        The audit service is not answering. Nothing is lost: changes staff make meanwhile are recorded once it
        is back. Reload this page in a few minutes.
      </p>
    </section>
  );
}

function Filters({ view, actions }: { view: ActivityView; actions: readonly string[] }) {
  const f = view.filters;
  // The action asked for stays selectable even when the list of actions could not be read.
  const names = f.action && !actions.includes(f.action) ? [f.action, ...actions] : actions;
  const options = [
    { value: "", label: "Any action" },
    ...names.map((action) => ({ value: action, label: `${actionInWords(action)} (${action})` })),
  ];
  return (
    <form
      role="search"
      aria-label="Filter the activity"
      action="/activity"
      className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
    >
      <TextField
        id="activity-actor"
        label="Who (email, or its beginning)"
        name="actor"
        type="search"
        autoComplete="off"
        defaultValue={f.actor}
      />
      <SelectField
        id="activity-action"
        label="What"
        name="action"
        options={options}
        defaultValue={f.action ?? ""}
      />
      <TextField
        id="activity-target-type"
        label="Target type"
        name="targetType"
        list="activity-target-types"
        autoComplete="off"
        placeholder="product, order, review…"
        defaultValue={f.targetType}
      />
      <datalist id="activity-target-types">
        {TARGET_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <TextField
        id="activity-target-id"
        label="Target id"
        name="targetId"
        autoComplete="off"
        defaultValue={f.targetId}
      />
      <TextField id="activity-from" label="From (day, UTC)" name="from" type="date" defaultValue={f.from} />
      <TextField id="activity-to" label="To (day, UTC)" name="to" type="date" defaultValue={f.to} />
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
        <button type="submit" className={buttonStyles({ variant: "secondary" })}>
          Filter
        </button>
        {isFiltered(f) && (
          <Link href="/activity" className="text-sm font-medium text-brand-700 hover:underline">
            Clear the filters
          </Link>
        )}
      </div>
    </form>
  );
}

function Target({ target }: { target: AuditEntry["target"] }) {
  const href = targetHref(target);
  const name = target.label ?? target.id;
  return (
    <>
      {href ? (
        <Link href={href} className="font-medium break-words text-brand-700 hover:underline">
          {name}
        </Link>
      ) : (
        <span className="font-medium break-words">{name}</span>
      )}
      <span className="block text-xs text-ink-muted">
        {target.type} · <span className="font-mono break-all">{target.id}</span>
      </span>
    </>
  );
}

function Value({ field, value }: { field: string; value: AuditEntry["changes"][number]["before"] }) {
  const shown = shownValue(field, value);
  return shown.empty ? (
    <span className="text-ink-muted italic">{shown.text}</span>
  ) : (
    <span className="break-words whitespace-pre-wrap">{shown.text}</span>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  if (entry.changes.length === 0) return <span className="text-ink-muted">No field changed</span>;
  return (
    <table className="w-full text-xs" data-testid="activity-changes">
      <caption className="sr-only">
        Fields changed by {actionInWords(entry.action).toLowerCase()}, before and after
      </caption>
      <thead className="text-ink-muted">
        <tr>
          {["Field", "Before", "After"].map((column) => (
            <th key={column} scope="col" className="pr-2 text-left font-medium">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entry.changes.map((change) => (
          <tr key={change.field} className="align-top">
            <th scope="row" className="pr-2 text-left font-mono font-normal break-all">
              {change.field}
            </th>
            <td className="max-w-56 pr-2">
              <Value field={change.field} value={change.before} />
            </td>
            <td className="max-w-56">
              <span aria-hidden="true" className="text-ink-muted">
                →{" "}
              </span>
              <Value field={change.field} value={change.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const COLUMNS = ["When", "Who", "Action", "Target", "Changes", "Reason", "Request"] as const;

function ActivityTable({ items }: { items: readonly AuditEntry[] }) {
  return (
    <div className="mt-6 overflow-x-auto rounded-2xl border border-line bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Staff activity, newest first</caption>
        <thead className="border-b border-line bg-canvas-muted text-xs tracking-wide text-ink-muted uppercase">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((entry) => (
            <tr key={entry.id} className="align-top" data-testid="activity-entry">
              <td className="px-4 py-3 whitespace-nowrap">
                <LocalTime iso={entry.at} />
              </td>
              <td className="px-4 py-3">
                <span className="break-all">{entry.actor.email}</span>
                <span className="block text-xs text-ink-muted">{roleLabel(entry.actor.role)}</span>
              </td>
              <th scope="row" className="px-4 py-3 font-normal">
                <span className="font-medium">{actionInWords(entry.action)}</span>
                <span className="block font-mono text-xs text-ink-muted">{entry.action}</span>
                <span className="block text-xs text-ink-muted">in {entry.service}</span>
              </th>
              <td className="px-4 py-3">
                <Target target={entry.target} />
              </td>
              <td className="px-4 py-3">
                <Changes entry={entry} />
              </td>
              <td className="max-w-64 px-4 py-3 break-words whitespace-pre-wrap">
                {entry.reason ?? <span className="text-ink-muted">—</span>}
              </td>
              <td className="px-4 py-3 font-mono text-xs break-all text-ink-muted">
                <span title={entry.traceId ? `trace ${entry.traceId}` : undefined}>{entry.requestId}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Paging({ view, nextCursor }: { view: ActivityView; nextCursor: string | null }) {
  const newer = newerHref(view);
  const older = nextCursor ? olderHref(view, nextCursor) : null;
  if (!newer && !older) return null;
  const link = buttonStyles({ variant: "secondary" });
  const control = (href: string | null, rel: "prev" | "next", text: string) =>
    href ? (
      <Link href={href} rel={rel} className={link}>
        {text}
      </Link>
    ) : (
      <span aria-disabled="true" className={link}>
        {text}
      </span>
    );
  return (
    <nav aria-label="Activity pages" className="mt-6 flex items-center justify-between gap-4">
      {control(newer, "prev", "← Newer")}
      {view.cursor && (
        <Link href={newestHref(view)} className="text-sm font-medium text-brand-700 hover:underline">
          Newest
        </Link>
      )}
      {control(older, "next", "Older →")}
    </nav>
  );
}

export default async function ActivityPage({ searchParams }: ActivityPageProps) {
  const staff = await requireStaff();
  if (!staff.can("audit.read")) return <Refused role={staff.role} />;
  const view = activityViewOf(await searchParams);
  const filtered = isFiltered(view.filters);

  const [listed, actions] = await Promise.allSettled([
    getActivityPage(staff, listQueryOf(view)),
    getActivityActions(staff),
  ]);
  const refusal = listed.status === "rejected" ? activityRefusal(listed.reason) : null;
  const page = listed.status === "fulfilled" ? listed.value : null;

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Every change staff make — prices, products, orders, reviews, roles — with who made it and when, newest
        first. The log cannot be edited.
      </p>
      <Filters view={view} actions={actions.status === "fulfilled" ? actions.value : []} />
      {refusal?.kind === "unavailable" ? (
        <ActivityUnavailable />
      ) : refusal ? (
        <p role="alert" className="mt-6 text-sm text-sale">
          {refusal.message}
        </p>
      ) : page === null ? null : page.items.length === 0 ? (
        <EmptyState
          className="mt-6"
          title={view.cursor ? "Nothing older" : filtered ? "No activity matches" : "No staff activity yet"}
          action={
            view.cursor ? (
              <Link href={newestHref(view)} className={buttonStyles({ variant: "secondary" })}>
                Go to the newest
              </Link>
            ) : (
              filtered && (
                <Link href="/activity" className={buttonStyles({ variant: "secondary" })}>
                  Clear the filters
                </Link>
              )
            )
          }
        >
          {view.cursor
            ? "There is no earlier activity for these filters."
            : filtered
              ? "Try another person, action, target or dates — an email may be given by its beginning."
              : "Changes staff make to products, prices, stock, orders, reviews and roles appear here within seconds."}
        </EmptyState>
      ) : (
        <>
          <ActivityTable items={page.items} />
          <Paging view={view} nextCursor={page.nextCursor} />
        </>
      )}
    </>
  );
}
