// Domain errors: typed, with what the caller got wrong. The tRPC edge maps them to status codes; the
// 401/403 errors come from @emporium/auth.

export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** Input that is well-formed but not acceptable; `field` says which input field. */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request clashes with what is stored (an email that already has an account). */
export class ConflictError extends Error {
  override name = "ConflictError";
}

/** The service is not set up for what was asked (single sign-on without a provider configured). */
export class PreconditionError extends Error {
  override name = "PreconditionError";
}
