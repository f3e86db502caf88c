import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { TRPCClientError } from "@trpc/client";
import type { FormHTMLAttributes } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Suggestions } from "@emporium/catalog/client";

const push = vi.fn();
const suggest = vi.fn<(input: { q: string }) => Promise<Suggestions>>();

vi.mock("next/navigation", () => ({
  useRouter: () => ({ push }),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
}));
vi.mock("next/form", () => ({
  default: ({ action, ...props }: FormHTMLAttributes<HTMLFormElement> & { action: string }) => (
    <form action={action} {...props} />
  ),
}));
vi.mock("@/trpc/browser-client", () => ({
  browserCatalog: { search: { suggest: { query: (input: { q: string }) => suggest(input) } } },
}));

// The suggestions' cache lasts as long as the tab; each test starts from an empty one.
vi.mock("@/trpc/query-client", async (importOriginal) => {
  const { makeQueryClient } = await importOriginal<typeof import("@/trpc/query-client")>();
  const client = makeQueryClient();
  return { makeQueryClient: () => client };
});

const { SearchBox } = await import("./search-box");
const { makeQueryClient } = await import("@/trpc/query-client");
// The suggestions' code arrives with the first query in the browser; here it is loaded up front.
await (await import("./use-suggestions")).loadSuggestionQuery();

const hoodies: Suggestions = {
  query: "hodie",
  correctedQuery: "hoodie",
  products: [
    {
      slug: "zip-hoodie",
      title: "Zip Hoodie",
      image: null,
      minPrice: 6500,
      currency: "USD",
      brand: { slug: "linnea", name: "Linnea" },
    },
    {
      slug: "fleece-hoodie",
      title: "Fleece Hoodie",
      image: null,
      minPrice: 7000,
      currency: "USD",
      brand: null,
    },
  ],
  categories: [
    { slug: "hoodies-sweatshirts", name: "Hoodies & Sweatshirts", path: "clothing/tops/hoodies-sweatshirts" },
  ],
  brands: [],
};

async function typeAndWait(text: string) {
  const box = screen.getByRole("combobox", { name: "Search products" });
  fireEvent.focus(box);
  fireEvent.change(box, { target: { value: text } });
  // Past the debounce, then let the query resolve.
  await act(async () => {
    await vi.advanceTimersByTimeAsync(250);
  });
  return box;
}

describe("SearchBox", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    push.mockReset();
    suggest.mockReset();
    suggest.mockResolvedValue(hoodies);
    makeQueryClient().clear();
    render(<SearchBox />);
  });
  afterEach(() => vi.useRealTimers());

  it("is a collapsed combobox in a search form until the shopper types", () => {
    const box = screen.getByRole("combobox", { name: "Search products" });
    expect(box.getAttribute("aria-expanded")).toBe("false");
    expect(screen.getByRole("search").getAttribute("action")).toBe("/search");
  });

  it("asks once per pause in typing and lists grouped suggestions with prices", async () => {
    const box = await typeAndWait("hodie");
    expect(suggest).toHaveBeenCalledTimes(1);
    expect(suggest).toHaveBeenCalledWith({ q: "hodie", limit: 6 });
    await screen.findByText("Zip Hoodie");
    expect(box.getAttribute("aria-expanded")).toBe("true");
    const listbox = screen.getByRole("listbox", { name: "Search suggestions" });
    expect(within(listbox).getByText("hoodie")).toBeTruthy();
    const products = within(within(listbox).getByRole("group", { name: "Products" })).getAllByRole("option");
    expect(products.map((o) => o.textContent)).toEqual(["Zip HoodieLinnea$65.00", "Fleece Hoodie$70.00"]);
    expect(within(listbox).getByRole("option", { name: /Search for “hodie”/ })).toBeTruthy();
  });

  it("moves through the options with the arrow keys and opens the active one with Enter", async () => {
    const box = await typeAndWait("hodie");
    await screen.findByText("Zip Hoodie");
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "ArrowDown" });
    const active = document.getElementById(box.getAttribute("aria-activedescendant") ?? "");
    expect(active?.textContent).toContain("Fleece Hoodie");
    expect(active?.getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(box, { key: "ArrowUp" });
    fireEvent.keyDown(box, { key: "ArrowUp" });
    // Wrapped around to the last option: the full search.
    expect(document.getElementById(box.getAttribute("aria-activedescendant") ?? "")?.textContent).toBe(
      "Search for “hodie”",
    );
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(push).toHaveBeenCalledWith("/p/zip-hoodie");
    expect(box.getAttribute("aria-expanded")).toBe("false");
  });

  it("closes with Escape and clears with a second Escape", async () => {
    const box = await typeAndWait("hodie");
    await screen.findByText("Zip Hoodie");
    fireEvent.keyDown(box, { key: "Escape" });
    expect(box.getAttribute("aria-expanded")).toBe("false");
    expect((box as HTMLInputElement).value).toBe("hodie");
    fireEvent.keyDown(box, { key: "Escape" });
    expect((box as HTMLInputElement).value).toBe("");
  });

  it("quietly stops suggesting while the catalog says to wait, then suggests again", async () => {
    const logged = vi.spyOn(console, "error");
    suggest.mockRejectedValueOnce(
      TRPCClientError.from({
        error: {
          message: "Too many search suggestions from your network; try again in 30 seconds",
          code: -32029,
          data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, retryAfterSeconds: 30 },
        },
      }),
    );
    const box = await typeAndWait("hodie");
    // Past the usual retry's delay: a refusal for too many is not asked again.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(suggest).toHaveBeenCalledTimes(1);
    expect(box.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("option")).toBeNull();

    // Typing on asks nothing while the wait lasts; the text stays as typed.
    fireEvent.change(box, { target: { value: "hoodi" } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(suggest).toHaveBeenCalledTimes(1);
    expect((box as HTMLInputElement).value).toBe("hoodi");

    // Once the wait is over, suggestions come back for what is in the box.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20_000);
    });
    expect(suggest).toHaveBeenCalledTimes(2);
    expect(suggest).toHaveBeenLastCalledWith({ q: "hoodi", limit: 6 });
    await screen.findByText("Zip Hoodie");
    expect(box.getAttribute("aria-expanded")).toBe("true");
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it("does not ask for fewer than two characters", async () => {
    await typeAndWait("h");
    expect(suggest).not.toHaveBeenCalled();
  });
});
