import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const { WarmingUp } = await import("./warming-up");

describe("WarmingUp", () => {
  afterEach(() => vi.useRealTimers());

  it("says the shop is starting and how far the catalog has got", () => {
    render(<WarmingUp detail="The catalog is starting: seeding the catalog (images 40%)" />);
    expect(screen.getByRole("heading", { name: "The shop is warming up" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Currently seeding the catalog (images 40%).");
  });

  it("says the catalog is not answering when it cannot be reached", () => {
    render(<WarmingUp detail="fetch failed" />);
    expect(screen.getByRole("status").textContent).toBe("The catalog is not answering yet.");
  });

  it("checks again by itself", () => {
    vi.useFakeTimers();
    refresh.mockReset();
    render(<WarmingUp />);
    act(() => vi.advanceTimersByTime(5_000));
    expect(refresh).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(5_000));
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
