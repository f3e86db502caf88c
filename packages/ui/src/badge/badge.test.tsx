import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Badge } from "./badge";

describe("Badge", () => {
  it("shows its label", () => {
    render(<Badge tone="sale">Sale</Badge>);
    expect(screen.getByText("Sale")).toBeTruthy();
  });

  it("looks different per tone", () => {
    render(
      <>
        <Badge tone="sale">Sale</Badge>
        <Badge tone="success">New</Badge>
      </>,
    );
    expect(screen.getByText("Sale").className).not.toBe(screen.getByText("New").className);
  });
});
