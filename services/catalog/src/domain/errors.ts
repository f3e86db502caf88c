// Domain errors: typed, with what the caller got wrong. The tRPC edge maps them to status codes.

export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** Input that is well-formed but names something invalid; `field` says which input field. */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** The catalog cannot answer yet (still migrating or seeding) or its database is unreachable. */
export class UnavailableError extends Error {
  override name = "UnavailableError";
}
