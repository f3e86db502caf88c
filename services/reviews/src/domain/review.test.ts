import { describe, expect, it } from "vitest";
import { ConflictError, PreconditionError } from "@emporium/service-kit/errors";
import {
  approveReview,
  authorView,
  changesApprovedSet,
  checkHelpfulVote,
  DEFAULT_AUTHOR_NAME,
  editReview,
  HISTORY_LIMIT,
  newReview,
  publicView,
  rejectReview,
  replyToReview,
  summarize,
} from "./review";

const t0 = new Date("2026-03-01T10:00:00.000Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const written = () =>
  newReview(
    {
      id: "6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b",
      productId: "3b241101-e2bb-4255-8caf-4136c566a962",
      customerId: "00000000-0000-4000-8000-00000000000a",
      rating: 4,
      title: "<b>Warm</b>",
      body: "<script>alert(1)</script> and cosy",
    },
    t0,
  );

describe("a review's life", () => {
  it("starts pending, as written, under a default name, with the submission in its history", () => {
    const r = written();
    expect(r).toMatchObject({
      status: "pending",
      version: 1,
      helpfulCount: 0,
      authorName: DEFAULT_AUTHOR_NAME,
      title: "<b>Warm</b>",
      body: "<script>alert(1)</script> and cosy",
      createdAt: t0.toISOString(),
    });
    expect(r.history).toEqual([{ action: "submitted", by: r.customerId, at: t0.toISOString() }]);
  });

  it("is approved once, rejected with a reason, and approved again after a rejection", () => {
    const approved = approveReview(written(), "staff-1", later(1));
    expect(approved).toMatchObject({ status: "approved", version: 2 });
    expect(() => approveReview(approved, "staff-1", later(2))).toThrow(ConflictError);
    const rejected = rejectReview(approved, "Off topic", "staff-2", later(3));
    expect(rejected).toMatchObject({ status: "rejected", rejectionReason: "Off topic", version: 3 });
    expect(() => rejectReview(rejected, "again", "staff-2", later(4))).toThrow(ConflictError);
    const back = approveReview(rejected, "staff-1", later(5));
    expect(back).toMatchObject({ status: "approved", rejectionReason: null });
    expect(back.history.map((h) => h.action)).toEqual(["submitted", "approved", "rejected", "approved"]);
    expect(back.history[2]).toMatchObject({ by: "staff-2", reason: "Off topic" });
  });

  it("goes back to moderation when its author edits it, keeping what was not changed", () => {
    const approved = approveReview(written(), "staff-1", later(1));
    const edited = editReview(approved, { rating: 2, body: "Shrank in the wash" }, later(10));
    expect(edited).toMatchObject({
      status: "pending",
      rating: 2,
      title: "<b>Warm</b>",
      body: "Shrank in the wash",
      version: 3,
      updatedAt: later(10).toISOString(),
    });
    expect(publicView(edited).editedAt).toBe(later(10).toISOString());
    expect(publicView(approved).editedAt).toBeNull();
  });

  it("keeps the newest history entries only", () => {
    let r = written();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) r = replyToReview(r, `Thanks ${i}`, "staff-1", later(i));
    expect(r.history).toHaveLength(HISTORY_LIMIT);
    expect(r.history.at(-1)).toMatchObject({ action: "replied" });
    expect(r.reply).toMatchObject({ body: `Thanks ${HISTORY_LIMIT + 4}`, by: "staff-1" });
  });

  it("changes the approved set only when entering or leaving it", () => {
    expect(changesApprovedSet("pending", "approved")).toBe(true);
    expect(changesApprovedSet("rejected", "approved")).toBe(true);
    expect(changesApprovedSet("approved", "pending")).toBe(true);
    expect(changesApprovedSet("approved", "rejected")).toBe(true);
    expect(changesApprovedSet("approved", "approved")).toBe(false);
    expect(changesApprovedSet("pending", "rejected")).toBe(false);
    expect(changesApprovedSet("pending", "pending")).toBe(false);
  });

  it("refuses a helpful vote on one's own review", () => {
    const r = written();
    expect(() => checkHelpfulVote(r, r.customerId)).toThrow(PreconditionError);
    expect(() => checkHelpfulVote(r, "someone-else")).not.toThrow();
  });

  it("shows the public nothing of the author's account, and the author their moderation state", () => {
    const r = replyToReview(rejectReview(written(), "Spam", "staff-1", later(1)), "Hi", "staff-1", later(2));
    const shown = publicView(r);
    expect(JSON.stringify(shown)).not.toContain(r.customerId);
    expect(JSON.stringify(shown)).not.toContain("staff-1");
    expect(shown.reply).toEqual({ body: "Hi", at: later(2).toISOString() });
    expect(authorView(r)).toMatchObject({ status: "rejected", rejectionReason: "Spam" });
  });
});

describe("rating summary", () => {
  it("averages to two decimals with the distribution, and has no average without reviews", () => {
    expect(summarize("p", { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 })).toEqual({
      productId: "p",
      average: 4,
      count: 3,
      distribution: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 },
    });
    expect(summarize("p", { 1: 1, 2: 0, 3: 0, 4: 0, 5: 2 }).average).toBe(3.67);
    expect(summarize("p", { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 })).toMatchObject({ average: null, count: 0 });
  });
});
