import { describe, expect, it } from "vitest";
import {
  activityHref,
  activityViewOf,
  isFiltered,
  listQueryOf,
  NEWER_TRAIL_MAX,
  newerHref,
  newestHref,
  olderHref,
  type ActivityView,
} from "./filters";

/** The view an address (as the browser sends it) asks for. */
function viewAt(href: string): ActivityView {
  const url = new URL(href, "http://admin.test");
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return activityViewOf(params);
}

describe("the Activity page's filters in its address", () => {
  it("read what a GET form sends, leaving blanks out", () => {
    const view = activityViewOf({
      actor: "  alice@shop.test ",
      action: "variant.price-changed",
      targetType: "variant",
      targetId: "",
      from: "2026-03-01",
      to: "",
    });
    expect(view).toEqual({
      filters: {
        actor: "alice@shop.test",
        action: "variant.price-changed",
        targetType: "variant",
        targetId: undefined,
        from: "2026-03-01",
        to: undefined,
      },
      cursor: undefined,
      newer: [],
    });
    expect(isFiltered(view.filters)).toBe(true);
    expect(isFiltered(activityViewOf({}).filters)).toBe(false);
  });

  it("leave out impossible days, repeated fields and cursors that are not the service's", () => {
    const view = activityViewOf({
      from: "2026-02-30",
      to: "01/03/2026",
      action: ["a.b", "c.d"],
      cursor: "not a cursor!",
      newer: "abc",
    });
    expect(view.filters).toMatchObject({ from: undefined, to: undefined, action: undefined });
    expect(view.cursor).toBeUndefined();
    // A trail of newer pages means nothing on the first page.
    expect(view.newer).toEqual([]);
    expect(activityViewOf({ to: "2024-02-29" }).filters.to).toBe("2024-02-29");
  });

  it("make the service's input, whole UTC days becoming the instants that bound them", () => {
    const view = activityViewOf({ actor: "bob", from: "2026-03-01", to: "2026-03-02", cursor: "eyJh" });
    expect(listQueryOf(view, 25)).toEqual({
      actor: "bob",
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-03-02T23:59:59.999Z",
      cursor: "eyJh",
      limit: 25,
    });
    expect(listQueryOf(activityViewOf({}), 10)).toEqual({ limit: 10 });
  });

  it("write an address that reads back as the same view, and a bare one with no filter", () => {
    const view = activityViewOf({
      actor: "alice+ops@shop.test",
      action: "order.refunded",
      targetType: "order",
      targetId: "a b&c",
      from: "2026-01-01",
      to: "2026-01-31",
    });
    const href = activityHref(view);
    expect(href).toBe(
      "/activity?actor=alice%2Bops%40shop.test&action=order.refunded&targetType=order&targetId=a+b%26c&from=2026-01-01&to=2026-01-31",
    );
    expect(viewAt(href)).toEqual(view);
    expect(activityHref(activityViewOf({}))).toBe("/activity");
  });
});

describe("paging newer and older", () => {
  it("goes older by cursor and back newer through the pages passed, keeping the filters", () => {
    const first = activityViewOf({ action: "product.updated" });
    expect(newerHref(first)).toBeNull();

    const second = viewAt(olderHref(first, "c2"));
    expect(second).toMatchObject({ filters: { action: "product.updated" }, cursor: "c2", newer: [] });
    const third = viewAt(olderHref(second, "c3"));
    expect(third).toMatchObject({ cursor: "c3", newer: ["c2"] });
    const fourth = viewAt(olderHref(third, "c4"));
    expect(fourth).toMatchObject({ cursor: "c4", newer: ["c2", "c3"] });

    const back = viewAt(newerHref(fourth) ?? "");
    expect(back).toEqual(third);
    expect(viewAt(newerHref(back) ?? "")).toEqual(second);
    expect(newerHref(second)).toBe("/activity?action=product.updated");
    expect(newestHref(fourth)).toBe("/activity?action=product.updated");
  });

  it("remembers a bounded number of pages; deeper than that, Newer ends at the newest page", () => {
    let view = activityViewOf({});
    for (let page = 2; page <= NEWER_TRAIL_MAX + 5; page++) view = viewAt(olderHref(view, `c${page}`));
    expect(view.newer).toHaveLength(NEWER_TRAIL_MAX);
    expect(view.newer.at(-1)).toBe(`c${NEWER_TRAIL_MAX + 4}`);
    for (let steps = 0; steps < NEWER_TRAIL_MAX; steps++) view = viewAt(newerHref(view) ?? "");
    expect(newerHref(view)).toBe("/activity");
  });
});
