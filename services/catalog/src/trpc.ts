// tRPC for the catalog: context, error shaping and the one base procedure every route uses. Domain
// errors become 4xx codes naming the field; anything unexpected is logged with its request id and shown
// to callers as a plain 500 without stack, SQL or internals.
import { initTRPC, TRPCError } from "@trpc/server";
import { ForbiddenError, UnauthenticatedError, type Principal } from "@emporium/auth";
import type { Logger, ServiceMetrics } from "@emporium/observability";
import { ZodError } from "zod";
import { InvalidInputError, NotFoundError, UnavailableError } from "./domain/errors";
import type { MediaLibrary } from "./media/media-library";
import type { CatalogAdminStore } from "./ports/catalog-admin-store";
import type { CatalogStore } from "./ports/catalog-store";

export interface Readiness {
  ready: boolean;
  /** What the service is doing while not ready ("seeding the catalog: 40%"). */
  detail: string;
}

export interface Context {
  store: CatalogStore;
  admin: CatalogAdminStore;
  /** Product images: uploads, variants, order (staff procedures only). */
  media: MediaLibrary;
  /**
   * The caller, from the request's signed token (resolved on first use, so public reads never pay for
   * it). Admin procedures pass it to `authorize` themselves; a bad token rejects with a 401 error.
   */
  principal: () => Promise<Principal>;
  /** Drops what the catalog has cached about a product after staff change it. */
  invalidateProduct: (slug: string) => void;
  log: Logger;
  requestId: string;
  readiness: Readiness;
  metrics: ServiceMetrics;
}

function issuePath(issue: ZodError["issues"][number]): string {
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  return [...issue.path.map(String), ...keys.slice(0, 1)].join(".");
}

function zodMessage(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) =>
      i.code === "unrecognized_keys"
        ? `${[...i.path.map(String), i.keys.join(", ")].join(".")}: is not a field this procedure accepts`
        : `${issuePath(i) || "input"}: ${i.message}`,
    )
    .join("; ");
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const firstIssue = zod?.issues[0];
    const field =
      error.cause instanceof InvalidInputError ? error.cause.field : firstIssue && issuePath(firstIssue);
    return {
      message: zod ? `Invalid input: ${zodMessage(zod)}` : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...(field ? { field } : {}),
      },
    };
  },
});

function toTrpcError(err: TRPCError, ctx: Context, path: string): TRPCError {
  const cause = err.cause;
  if (err.code !== "INTERNAL_SERVER_ERROR") return err;
  if (cause instanceof NotFoundError)
    return new TRPCError({ code: "NOT_FOUND", message: cause.message, cause });
  if (cause instanceof InvalidInputError)
    return new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
  if (cause instanceof UnauthenticatedError)
    return new TRPCError({ code: "UNAUTHORIZED", message: cause.message, cause });
  if (cause instanceof ForbiddenError)
    return new TRPCError({ code: "FORBIDDEN", message: cause.message, cause });
  if (cause instanceof UnavailableError)
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: cause.message, cause });
  ctx.log.error({ err: cause ?? err, path, requestId: ctx.requestId }, "procedure failed");
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `The catalog could not answer this request; please try again (request ${ctx.requestId})`,
  });
}

const guarded = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  if (!ctx.readiness.ready) {
    ctx.metrics.observeProcedure(path, type, "SERVICE_UNAVAILABLE", 0);
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: `The catalog is starting: ${ctx.readiness.detail}`,
    });
  }
  const result = await next();
  const seconds = (performance.now() - started) / 1000;
  if (result.ok) {
    ctx.metrics.observeProcedure(path, type, "OK", seconds);
    return result;
  }
  const error = toTrpcError(result.error, ctx, path);
  ctx.metrics.observeProcedure(path, type, error.code, seconds);
  throw error;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(guarded);
export const createCallerFactory = t.createCallerFactory;
