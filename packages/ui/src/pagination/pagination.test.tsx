import { render, screen, within } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pagination } from "./pagination";

describe("Pagination", () => {
  it("links to the previous and next pages", () => {
    render(<Pagination prevHref="/c/tops?before=a" nextHref="/c/tops?after=b" />);
    const nav = screen.getByRole("navigation", { name: "Pagination" });
    const prev = within(nav).getByRole("link", { name: "Previous" });
    const next = within(nav).getByRole("link", { name: "Next" });
    expect(prev.getAttribute("href")).toBe("/c/tops?before=a");
    expect(prev.getAttribute("rel")).toBe("prev");
    expect(next.getAttribute("href")).toBe("/c/tops?after=b");
  });

  it("shows a missing neighbour as disabled, not as a link", () => {
    render(<Pagination prevHref={null} nextHref="/c/tops?after=b" status="24 of 565" />);
    expect(screen.queryByRole("link", { name: "Previous" })).toBeNull();
    expect(screen.getByText("Previous").closest("[aria-disabled]")?.getAttribute("aria-disabled")).toBe(
      "true",
    );
    expect(screen.getByText("24 of 565")).toBeTruthy();
  });

  it("renders nothing for a single page without status", () => {
    const { container } = render(<Pagination prevHref={null} nextHref={null} />);
    expect(container.innerHTML).toBe("");
  });

  it("serves HTML a browser parses back unchanged when the status holds page-number links", () => {
    // A <nav> inside a <p> is moved out by the HTML parser, which React reports as a hydration error.
    const html = renderToString(
      <Pagination
        prevHref={null}
        nextHref="/orders?page=2"
        status={
          <nav aria-label="Page numbers">
            <ul>
              <li>1</li>
            </ul>
          </nav>
        }
      />,
    );
    const parsed = document.createElement("div");
    parsed.innerHTML = html;
    expect(parsed.innerHTML).toBe(html);
  });
});
