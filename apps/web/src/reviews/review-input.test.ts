import { describe, expect, it } from "vitest";
import { FIELD_MESSAGES } from "./errors";
import { readReviewForm, reviewDraftOf } from "./review-input";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("readReviewForm", () => {
  it("takes a complete review, text exactly as typed (markup included), the name trimmed", () => {
    expect(
      readReviewForm(
        form({
          rating: "4",
          title: "Warm <b>enough</b>",
          body: "<script>x</script>\nGood.",
          authorName: " Ada L. ",
        }),
      ),
    ).toEqual({
      ok: true,
      input: {
        rating: 4,
        title: "Warm <b>enough</b>",
        body: "<script>x</script>\nGood.",
        authorName: "Ada L.",
      },
    });
  });

  it("leaves the name out when it is empty, so the service signs it 'Verified buyer'", () => {
    const result = readReviewForm(form({ rating: "5", title: "Great", body: "Fits.", authorName: "  " }));
    expect(result).toEqual({ ok: true, input: { rating: 5, title: "Great", body: "Fits." } });
  });

  it("marks every missing or wrong field at once", () => {
    expect(readReviewForm(form({ rating: "0", title: "   ", body: "" }))).toEqual({
      ok: false,
      errors: { rating: FIELD_MESSAGES.rating, title: FIELD_MESSAGES.title, body: FIELD_MESSAGES.body },
    });
    expect(readReviewForm(form({ title: "t", body: "b" }))).toMatchObject({
      ok: false,
      errors: { rating: FIELD_MESSAGES.rating },
    });
    for (const rating of ["6", "4.5", "four", ""])
      expect(readReviewForm(form({ rating, title: "t", body: "b" })).ok).toBe(false);
  });

  it("refuses text beyond the service's limits", () => {
    const long = readReviewForm(
      form({ rating: "3", title: "t".repeat(121), body: "b".repeat(5_001), authorName: "n".repeat(61) }),
    );
    expect(long).toEqual({
      ok: false,
      errors: {
        title: FIELD_MESSAGES.title,
        body: FIELD_MESSAGES.body,
        authorName: FIELD_MESSAGES.authorName,
      },
    });
    expect(readReviewForm(form({ rating: "3", title: "t".repeat(120), body: "b".repeat(5_000) })).ok).toBe(
      true,
    );
  });
});

describe("reviewDraftOf", () => {
  it("keeps every field exactly as typed, to show again after a refusal", () => {
    expect(
      reviewDraftOf(form({ rating: "2", title: " t".repeat(80), body: "", authorName: " Ada " })),
    ).toEqual({ rating: 2, title: " t".repeat(80), body: "", authorName: " Ada " });
  });

  it("has no rating when none (or no valid one) was chosen", () => {
    expect(reviewDraftOf(form({ title: "t" }))).toEqual({
      rating: null,
      title: "t",
      body: "",
      authorName: "",
    });
    expect(reviewDraftOf(form({ rating: "9" })).rating).toBeNull();
  });
});
