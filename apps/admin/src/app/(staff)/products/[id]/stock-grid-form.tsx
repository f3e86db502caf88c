"use client";
// The product page's stock grid: every variant at every location, one Save for all the counts changed
// (one inventory call, all or nothing). Opened after a create whose stock the inventory did not take,
// it is filled in with what was typed there and says so.
import { useMemo, useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { dropStockDraft, parseStockDraft, storedStockDraft } from "../stock-draft";
import { StockGrid } from "../stock-grid";
import type { GridLocation, GridRow } from "../stock-grid-data";
import { saveStockGrid, type StockGridState } from "./stock-actions";

const INITIAL: StockGridState = { status: "idle", message: null };

export interface LevelFigures {
  reserved: number;
  available: number;
}

interface StockGridFormProps {
  productId: string;
  rows: (GridRow & { sku: string })[];
  locations: GridLocation[];
  /** Input name → the level's on-hand count now ("" where the variant is not stocked there). */
  saved: Record<string, string>;
  figures: Record<string, LevelFigures>;
}

const noChanges = () => () => undefined;

export function StockGridForm({ productId, rows, locations, saved, figures }: StockGridFormProps) {
  const [state, setState] = useState<StockGridState>(INITIAL);
  const [pending, startTransition] = useTransition();
  // What the person typed here; the rest shows the saved counts (or a draft kept from the create page).
  const [edits, setEdits] = useState<Record<string, string>>({});
  const stored = useSyncExternalStore(
    noChanges,
    () => storedStockDraft(productId),
    () => null,
  );
  const [draftDone, setDraftDone] = useState(false);
  const draft = useMemo(() => (draftDone ? null : parseStockDraft(stored)), [stored, draftDone]);
  // A key per save: a second click on the same counts is answered again, not applied twice.
  const [key, setKey] = useState(() => crypto.randomUUID());

  const valueOf = (name: string) => edits[name] ?? draft?.values[name] ?? saved[name] ?? "";
  const names = new Set([...Object.keys(saved), ...Object.keys(draft?.values ?? {}), ...Object.keys(edits)]);
  const values = Object.fromEntries([...names].map((name) => [name, valueOf(name)]));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData();
    data.set("productId", productId);
    data.set("idempotencyKey", key);
    // Only what differs from the saved counts: a level someone else changed meanwhile is left alone.
    for (const [name, value] of Object.entries(values))
      if (value !== (saved[name] ?? "")) data.set(name, value);
    startTransition(async () => {
      const result = await saveStockGrid(INITIAL, data);
      setState(result);
      if (result.status !== "saved") return;
      dropStockDraft(productId);
      setDraftDone(true);
      setEdits({});
      setKey(crypto.randomUUID());
    });
  }

  const error =
    state.status === "error" && state.cell ? { cell: state.cell, message: state.message ?? "" } : null;
  return (
    <form onSubmit={submit} aria-labelledby="stock-grid-heading" className="mt-6 grid gap-4" noValidate>
      <div>
        <h3 id="stock-grid-heading" className="font-semibold">
          Stock levels
        </h3>
        <p className="mt-1 text-sm text-ink-muted">
          On-hand counts of every variant at every location; change any of them and save once. Each change is
          recorded as a recount.
        </p>
      </div>
      {draft && (
        <Alert tone="warning" live="assertive" title="The stock you entered is not saved yet">
          {draft.message}{" "}
          {Object.keys(draft.values).length > 0
            ? "It is filled in below as you typed it: check it and press Save stock."
            : "Enter it below and press Save stock."}
        </Alert>
      )}
      <StockGrid
        caption="On-hand counts of each variant at each location"
        rows={rows}
        locations={locations}
        values={values}
        onChange={(name, value) => setEdits((now) => ({ ...now, [name]: value }))}
        error={error}
        disabled={pending}
        note={(rowKey, locationId) => {
          const f = figures[`stock:${rowKey}:${locationId}`];
          return f ? (
            <span className="mt-1 block text-xs text-ink-muted">
              {f.reserved} reserved · {f.available} available
            </span>
          ) : (
            <span className="mt-1 block text-xs text-ink-muted">Not stocked here</span>
          );
        }}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save stock"}
        </Button>
        <p
          role="status"
          className={`text-sm ${state.status === "error" ? "font-medium text-sale" : "text-success"}`}
        >
          {state.status === "error" ? `Not saved. ${state.message ?? ""}` : state.message}
        </p>
      </div>
    </form>
  );
}
