// Domain errors of the inventory's staff API: typed, naming the input field the caller got wrong. The
// tRPC edge maps them to 4xx codes; the 401/403 errors come from @emporium/auth.

/** Input that is well-formed but not acceptable (stock would go negative …); HTTP 400. */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The variant or location named by `field` is not known to the inventory; HTTP 404. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
