import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { editReview, writeReview } from "./actions";
import type { ReviewFormState } from "./form-state";
import { ReviewForm, type ReviewFormProps } from "./review-form";

vi.mock("./actions", () => ({ editReview: vi.fn(), writeReview: vi.fn() }));

const LIMITS = { title: 120, body: 5_000, authorName: 60 };
const SAVED = { rating: 4 as const, title: "Keeps tea hot", body: "For hours.", authorName: "Ada L." };

function renderForm(props: Partial<ReviewFormProps> = {}) {
  return render(
    <ReviewForm
      mode="edit"
      productId="6f1c5a52-6d0e-4a3c-9f59-0a8d3a3c1c11"
      productTitle="Tea mug"
      productPath="/p/tea-mug"
      initial={SAVED}
      limits={LIMITS}
      {...props}
    />,
  );
}

/** A field by the start of its label (the name's label goes on with "(optional)"). */
const field = <T extends HTMLElement>(form: HTMLElement, label: string): T =>
  within(form).getByLabelText(new RegExp(`^${label}`)) as T;

afterEach(() => vi.mocked(editReview).mockReset());

describe("ReviewForm, editing", () => {
  it("starts from the saved review, with its own name and button", () => {
    renderForm({ note: "Saving your changes sends your review to our team again." });
    const form = screen.getByRole("form", { name: "Edit your review" });
    expect((within(form).getByRole("radio", { name: "4 stars" }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByRole("radio", { name: "5 stars" }) as HTMLInputElement).checked).toBe(false);
    expect(field<HTMLInputElement>(form, "Title").value).toBe("Keeps tea hot");
    expect(field<HTMLTextAreaElement>(form, "Your review").value).toBe("For hours.");
    expect(field<HTMLInputElement>(form, "Name shown with your review").value).toBe("Ada L.");
    expect(within(form).getByText("Saving your changes sends your review to our team again.")).toBeTruthy();
    expect(within(form).getByRole("button", { name: "Save changes" })).toBeTruthy();
  });

  it("sends the form to the edit action; a refusal is said and what was typed stays", async () => {
    const refused: ReviewFormState = {
      status: "error",
      message: "Reviews are unavailable right now. Please try again in a few minutes.",
    };
    vi.mocked(editReview).mockResolvedValue(refused);
    renderForm();
    const form = screen.getByRole("form", { name: "Edit your review" });
    fireEvent.click(within(form).getByRole("radio", { name: "2 stars" }));
    fireEvent.change(field(form, "Your review"), { target: { value: "Cracked in a week." } });
    fireEvent.click(within(form).getByRole("button", { name: "Save changes" }));

    await within(form).findByRole("alert");
    expect(within(form).getByRole("alert").textContent).toBe(refused.message);
    const sent = vi.mocked(editReview).mock.calls[0]?.[1];
    expect(sent?.get("rating")).toBe("2");
    expect(sent?.get("body")).toBe("Cracked in a week.");
    expect(sent?.get("productId")).toBe("6f1c5a52-6d0e-4a3c-9f59-0a8d3a3c1c11");
    expect(field<HTMLTextAreaElement>(form, "Your review").value).toBe("Cracked in a week.");
    expect((within(form).getByRole("radio", { name: "2 stars" }) as HTMLInputElement).checked).toBe(true);
    expect(writeReview).not.toHaveBeenCalled();
  });

  it("marks the field the refusal names", async () => {
    vi.mocked(editReview).mockResolvedValue({
      status: "error",
      message: "Check the fields marked below.",
      errors: { title: "Give your review a title of up to 120 characters." },
    });
    renderForm();
    const form = screen.getByRole("form", { name: "Edit your review" });
    fireEvent.click(within(form).getByRole("button", { name: "Save changes" }));
    await within(form).findByText("Give your review a title of up to 120 characters.");
    expect(field(form, "Title").getAttribute("aria-invalid")).toBe("true");
  });

  it("says in its live region that the edit is saved and will be shown once checked, and stays", async () => {
    vi.mocked(editReview).mockResolvedValue({
      status: "sent",
      message:
        "Your changes are saved. Your review will be shown on the product page once our team has checked it.",
    });
    renderForm();
    const form = screen.getByRole("form", { name: "Edit your review" });
    const status = within(form).getByRole("status");
    expect(status.textContent).toBe("");
    fireEvent.change(field(form, "Title"), { target: { value: "Keeps tea hot, mostly" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(status.textContent).toMatch(/once our team has checked it/));
    expect(screen.getByRole("form", { name: "Edit your review" })).toBe(form);
    expect(field<HTMLInputElement>(form, "Title").value).toBe("Keeps tea hot, mostly");
  });

  it("writes a new review from empty fields but the suggested name", () => {
    renderForm({ initial: { rating: null, title: "", body: "", authorName: "Ada L." }, mode: "write" });
    const form = screen.getByRole("form", { name: "Write a review" });
    expect(within(form).getByRole("button", { name: "Submit review" })).toBeTruthy();
    expect(
      within(form)
        .getAllByRole("radio")
        .some((r) => (r as HTMLInputElement).checked),
    ).toBe(false);
    expect(field<HTMLInputElement>(form, "Title").value).toBe("");
    expect(field<HTMLInputElement>(form, "Name shown with your review").value).toBe("Ada L.");
  });
});
