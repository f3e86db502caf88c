// The errors a service's use cases throw when a request cannot be done, typed so that the tRPC edge
// (./trpc.ts) maps each to its status code in one place. Plain classes with no dependencies: domain code
// imports them from "@emporium/service-kit/errors". The 401/403 errors come from @emporium/auth.

/** Nothing is stored under what the caller named; HTTP 404. `field` names the input that named it. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * Input that is well-formed but not acceptable; HTTP 400. The message names the field first
 * ("slug: … is already used"), as the zod refusals do, and `field` lets a form mark it.
 */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

/** The request clashes with what is stored (an email that has an account, a reused idempotency key); 409. */
export class ConflictError extends Error {
  override name = "ConflictError";
}

/** The service is not set up for what was asked (single sign-on with no provider configured); 412. */
export class PreconditionError extends Error {
  override name = "PreconditionError";
}

/** Something the request depends on cannot honestly be done now (still starting, a dependency down); 503. */
export class UnavailableError extends Error {
  override name = "UnavailableError";
}

/**
 * Too many attempts at something limited (sign-in for one account, sign-up for one email); 429. The
 * message says when to try again; the HTTP server also sends `Retry-After` with `retryAfterSeconds`.
 */
export class TooManyRequestsError extends Error {
  override name = "TooManyRequestsError";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
