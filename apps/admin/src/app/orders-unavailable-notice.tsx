export function OrdersUnavailableNotice() {
  return (
    <section className="rounded-2xl border border-line bg-surface p-8 text-center">
      <h2 className="text-lg font-semibold">The orders service is not answering</h2>
      <p className="mt-2 text-sm text-ink-muted">
        It may still be starting, or be briefly unreachable. Reload this page in a few seconds.
      </p>
    </section>
  );
}
