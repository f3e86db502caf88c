import { describe, expect, it } from "vitest";
import { DEFAULT_AUTHOR_NAME } from "@emporium/reviews/client";
import { changedFields, draftOfReview, type EditableReview } from "./review-changes";

const SAVED: EditableReview = {
  rating: 4,
  title: "Warm and light",
  body: "Wore it all winter.",
  authorName: "Ada L.",
};

describe("changedFields", () => {
  it("is null when nothing changed, the name given again included", () => {
    expect(changedFields(SAVED, { ...SAVED })).toBeNull();
  });

  it("names only the fields that changed", () => {
    expect(changedFields(SAVED, { ...SAVED, rating: 2, body: "Pilled after a month." })).toEqual({
      rating: 2,
      body: "Pilled after a month.",
    });
    expect(changedFields(SAVED, { ...SAVED, title: "Warm, light, pills" })).toEqual({
      title: "Warm, light, pills",
    });
  });

  it("counts a change of white space or markup as a change: the text is kept as typed", () => {
    expect(changedFields(SAVED, { ...SAVED, body: "Wore it all winter. " })).toEqual({
      body: "Wore it all winter. ",
    });
    expect(changedFields(SAVED, { ...SAVED, title: "Warm and <b>light</b>" })).toEqual({
      title: "Warm and <b>light</b>",
    });
  });

  it("sends the default signature when the name is cleared, and nothing when it was already the default", () => {
    const { authorName: _cleared, ...withoutName } = SAVED;
    expect(changedFields(SAVED, withoutName)).toEqual({ authorName: DEFAULT_AUTHOR_NAME });
    const unsigned = { ...SAVED, authorName: DEFAULT_AUTHOR_NAME };
    expect(changedFields(unsigned, withoutName)).toBeNull();
    expect(changedFields(unsigned, { ...withoutName, authorName: "Ada" })).toEqual({ authorName: "Ada" });
  });

  it("sends every field when every field changed", () => {
    expect(
      changedFields(SAVED, { rating: 1, title: "Shrank", body: "Shrank in the wash.", authorName: "A. L." }),
    ).toEqual({ rating: 1, title: "Shrank", body: "Shrank in the wash.", authorName: "A. L." });
  });
});

describe("draftOfReview", () => {
  it("starts the edit form from the saved review", () => {
    expect(draftOfReview(SAVED)).toEqual(SAVED);
  });

  it("shows the default signature as an empty name, as the form explains it", () => {
    expect(draftOfReview({ ...SAVED, authorName: DEFAULT_AUTHOR_NAME }).authorName).toBe("");
  });
});
