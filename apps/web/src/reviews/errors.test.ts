import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import {
  ALREADY_REVIEWED_MESSAGE,
  CHECK_FIELDS_MESSAGE,
  EDITED_MEANWHILE_MESSAGE,
  editFailure,
  FIELD_MESSAGES,
  helpfulFailure,
  NOT_RECEIVED_MESSAGE,
  NOTHING_CHANGED_MESSAGE,
  REVIEW_GONE_MESSAGE,
  SESSION_ENDED_MESSAGE,
  UNAVAILABLE_MESSAGE,
  UNEXPECTED_MESSAGE,
  writeFailure,
} from "./errors";

/** A refusal as the tRPC client hands it over: the service's message and its error data. */
function refusal(message: string, data: Record<string, unknown> | null): TRPCClientError<never> {
  const error = new TRPCClientError<never>(message);
  Object.defineProperty(error, "data", { value: data });
  return error;
}

describe("writeFailure", () => {
  it("says why a product not received cannot be reviewed (412)", () => {
    const error = refusal(
      "You can review a product once it has been delivered to you, and this one has not been",
      {
        code: "PRECONDITION_FAILED",
        httpStatus: 412,
      },
    );
    expect(writeFailure(error)).toEqual({ message: NOT_RECEIVED_MESSAGE, field: null });
  });

  it("says a second review is not possible (409)", () => {
    const error = refusal("You have already reviewed this product; edit your review instead", {
      code: "CONFLICT",
      httpStatus: 409,
    });
    expect(writeFailure(error)).toEqual({ message: ALREADY_REVIEWED_MESSAGE, field: null });
  });

  it("marks the field a 400 names, in the form's words rather than the validator's", () => {
    const error = refusal("Invalid input: body: must be at most 5,000 characters", {
      code: "BAD_REQUEST",
      httpStatus: 400,
      field: "body",
    });
    const failure = writeFailure(error);
    expect(failure.field).toBe("body");
    expect(failure.message).not.toMatch(/Invalid input/);
    expect(FIELD_MESSAGES.body).toBe("Write your review in up to 5,000 characters.");
  });

  it("does not repeat a 400 about something the form does not show", () => {
    const failure = writeFailure(
      refusal("Invalid input: productId: must be a product id", {
        code: "BAD_REQUEST",
        httpStatus: 400,
        field: "productId",
      }),
    );
    expect(failure.field).toBeNull();
    expect(failure.message).not.toMatch(/productId/);
  });

  it("tells the shopper the service is down, their session ended, or it is our fault", () => {
    expect(writeFailure(refusal("fetch failed", null)).message).toBe(UNAVAILABLE_MESSAGE);
    expect(
      writeFailure(
        refusal("Reviews are unavailable right now", { code: "SERVICE_UNAVAILABLE", httpStatus: 503 }),
      ).message,
    ).toBe(UNAVAILABLE_MESSAGE);
    expect(
      writeFailure(refusal("Your session token has expired", { code: "UNAUTHORIZED", httpStatus: 401 }))
        .message,
    ).toBe(SESSION_ENDED_MESSAGE);
    expect(
      writeFailure(
        refusal("could not answer (request 7)", { code: "INTERNAL_SERVER_ERROR", httpStatus: 500 }),
      ).message,
    ).toBe(UNEXPECTED_MESSAGE);
    expect(writeFailure(new Error("boom")).message).toBe(UNEXPECTED_MESSAGE);
  });
});

describe("helpfulFailure", () => {
  it("says a second vote was already counted (409) and that one's own review cannot be voted for", () => {
    expect(
      helpfulFailure(
        refusal("You have already marked this review as helpful", { code: "CONFLICT", httpStatus: 409 }),
      ),
    ).toBe("You have already marked this review as helpful.");
    expect(
      helpfulFailure(
        refusal("You cannot mark your own review as helpful", {
          code: "PRECONDITION_FAILED",
          httpStatus: 412,
        }),
      ),
    ).toBe("You cannot mark your own review as helpful.");
    expect(helpfulFailure(refusal("fetch failed", null))).toBe(UNAVAILABLE_MESSAGE);
  });
});

describe("editFailure", () => {
  it("marks a field the service found too long (400), in the form's words", () => {
    const failure = editFailure(
      refusal("Invalid input: body: must be at most 5,000 characters", {
        code: "BAD_REQUEST",
        httpStatus: 400,
        field: "body",
      }),
    );
    expect(failure).toEqual({ message: CHECK_FIELDS_MESSAGE, field: "body" });
  });

  it("says nothing changed when the service refuses an edit naming no field (400)", () => {
    expect(
      editFailure(
        refusal("Invalid input: change at least one of rating, title, body, photos or authorName", {
          code: "BAD_REQUEST",
          httpStatus: 400,
        }),
      ),
    ).toEqual({ message: NOTHING_CHANGED_MESSAGE, field: null });
    // A 400 about something the form does not show is not "nothing changed".
    const other = editFailure(
      refusal("Invalid input: reviewId: must be a review id", {
        code: "BAD_REQUEST",
        httpStatus: 400,
        field: "reviewId",
      }),
    );
    expect(other.field).toBeNull();
    expect(other.message).not.toBe(NOTHING_CHANGED_MESSAGE);
    expect(other.message).not.toMatch(/reviewId/);
  });

  it("says the review is not there to edit when it is not the shopper's (404)", () => {
    expect(
      editFailure(
        refusal("You have no review with this id", { code: "NOT_FOUND", httpStatus: 404, field: "reviewId" }),
      ),
    ).toEqual({ message: REVIEW_GONE_MESSAGE, field: null });
  });

  it("asks to save again when the review was changed at the same moment (409)", () => {
    expect(
      editFailure(
        refusal("This review was changed by someone else meanwhile; reload it and try again", {
          code: "CONFLICT",
          httpStatus: 409,
        }),
      ),
    ).toEqual({ message: EDITED_MEANWHILE_MESSAGE, field: null });
  });

  it("says reviews are unavailable (503), the session ended (401), or it is our fault", () => {
    expect(
      editFailure(refusal("Reviews are unavailable", { code: "SERVICE_UNAVAILABLE", httpStatus: 503 })),
    ).toEqual({ message: UNAVAILABLE_MESSAGE, field: null });
    expect(editFailure(refusal("fetch failed", null)).message).toBe(UNAVAILABLE_MESSAGE);
    expect(
      editFailure(refusal("Your session token has expired", { code: "UNAUTHORIZED", httpStatus: 401 }))
        .message,
    ).toBe(SESSION_ENDED_MESSAGE);
    expect(editFailure(new Error("boom")).message).toBe(UNEXPECTED_MESSAGE);
  });
});

describe("refusals about photos", () => {
  it("says which photo and why, in the service's words", () => {
    const error = refusal(
      "photos.1: photo 2: the file is not an image (its content is not JPEG, PNG, WebP or AVIF, whatever its name says)",
      {
        code: "BAD_REQUEST",
        httpStatus: 400,
        field: "photos.1",
      },
    );
    expect(writeFailure(error)).toEqual({
      message:
        "We could not add your photos: photo 2: the file is not an image (its content is not JPEG, PNG, WebP or AVIF, whatever its name says).",
      field: null,
    });
    const notHers = refusal("photos.0.key: was not issued to you: upload the photo with the review form", {
      code: "BAD_REQUEST",
      httpStatus: 400,
      field: "photos.0.key",
    });
    expect(editFailure(notHers).message).toBe(
      "We could not add your photos: was not issued to you: upload the photo with the review form.",
    );
  });

  it("says how long to wait once the photo uploads are spent (429)", () => {
    const error = refusal("Too many photo uploads from your account; try again in 10 minutes", {
      code: "TOO_MANY_REQUESTS",
      httpStatus: 429,
    });
    expect(writeFailure(error).message).toBe(
      "Too many photo uploads from your account; try again in 10 minutes.",
    );
  });
});
