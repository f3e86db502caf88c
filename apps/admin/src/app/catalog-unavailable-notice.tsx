export function CatalogUnavailableNotice() {
  return (
    <section className="rounded-2xl border border-line bg-surface p-8 text-center">
      <h2 className="text-lg font-semibold">The catalog is not answering yet</h2>
      <p className="mt-2 text-sm text-ink-muted">
        It may still be starting (it seeds itself on first start). Reload this page in a few seconds.
      </p>
    </section>
  );
}
