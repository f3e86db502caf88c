// Stock typed on the create page that the inventory did not take (it was down, or refused a cell) is
// kept in the browser's session storage under the new product's id, so the product's page opens with
// the grid filled in as it was typed and one Save finishes the job. Keyed by variant id and location.

const KEY = (productId: string) => `emporium:stock-draft:${productId}`;

export interface StockDraft {
  /** Input name ("stock:<variantId>:<locationId>") → the count typed. */
  values: Record<string, string>;
  /** Why it was not saved, as the person was told. */
  message: string;
}

export function keepStockDraft(productId: string, draft: StockDraft): void {
  sessionStorage.setItem(KEY(productId), JSON.stringify(draft));
}

/** The kept draft as stored (a stable value for useSyncExternalStore); parse it with parseStockDraft. */
export function storedStockDraft(productId: string): string | null {
  return sessionStorage.getItem(KEY(productId));
}

export function parseStockDraft(text: string | null): StockDraft | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || !("values" in parsed) || !("message" in parsed))
      return null;
    const { values, message } = parsed;
    if (typeof values !== "object" || values === null || typeof message !== "string") return null;
    const entries = Object.entries(values).filter((e): e is [string, string] => typeof e[1] === "string");
    return { values: Object.fromEntries(entries), message };
  } catch {
    return null;
  }
}

export function dropStockDraft(productId: string): void {
  sessionStorage.removeItem(KEY(productId));
}
