import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HydrateLater } from "./hydrate-later";

describe("HydrateLater", () => {
  it("is rendered in place on the server, as a boundary React hydrates on its own", () => {
    const html = renderToString(
      <HydrateLater>
        <p>Every product, with or without JavaScript</p>
      </HydrateLater>,
    );
    // The content itself (not a fallback to be swapped by a script), inside a completed boundary.
    expect(html).toBe("<!--$--><p>Every product, with or without JavaScript</p><!--/$-->");
  });
});
