// Domain errors: typed, carrying what the caller got wrong. The tRPC edge maps them to status codes.

export class NotFoundError extends Error {
  override name = "NotFoundError";
}

export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** The request clashes with what is already stored (an idempotency key reused with another body). */
export class ConflictError extends Error {
  override name = "ConflictError";
}

/** Something the request depends on cannot honestly be done now (payments down, catalog unreachable). */
export class UnavailableError extends Error {
  override name = "UnavailableError";
}
