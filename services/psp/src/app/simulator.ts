// The simulated provider's behaviour, without HTTP: tokens, authorizations, captures and refunds with
// Stripe-style idempotency, test-card outcomes, injectable faults and per-reference counters.
//
// All state is in memory and lost on restart (tokens included: a shopper re-enters the card). Every
// table is bounded (`capacity` entries each, oldest forgotten first), so a long-running process stays
// small; an idempotency key older than that many newer ones is no longer recognised.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { BoundedMap } from "../domain/bounded-map";
import { checkCard, type Card } from "../domain/card";
import { behaviourOf } from "../domain/test-cards";
import { IdempotencyStore } from "../domain/idempotency";

export interface Reply {
  status: number;
  body: unknown;
  /** Answered from the idempotency store: nothing was done this time. */
  replayed?: boolean;
}

export interface Control {
  /** Added to every /v1 call before anything else happens. */
  latencyMs: number;
  /** Share of /v1 calls (0..1) answered with `failureStatus` instead of being handled. */
  failureRate: number;
  failureStatus: number;
  /**
   * The kinds of /v1 call the injected failures hit; empty: every call. A provider whose captures fail
   * while its authorizations work is how an outage in the middle of an order is staged.
   */
  failureOperations: PspOperation[];
}

export const PSP_OPERATIONS = ["tokens", "authorize", "capture", "refund", "read"] as const;
export type PspOperation = (typeof PSP_OPERATIONS)[number];

export const controlPatch = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    failureRate: z.number().min(0).max(1),
    failureStatus: z.number().int().min(400).max(599),
    failureOperations: z.array(z.enum(PSP_OPERATIONS)).max(PSP_OPERATIONS.length),
  })
  .partial()
  .strict();

export interface ReferenceStats {
  /** Calls handled for the reference, replays included (injected failures are not handled). */
  requests: number;
  authorizations: number;
  declines: number;
  captures: number;
  captureFailures: number;
  refunds: number;
  voids: number;
  /** Simulated processing errors (500) answered. */
  errors: number;
  /** Answers replayed from the idempotency store instead of being handled again. */
  replays: number;
}

type AuthorizationStatus =
  "authorized" | "declined" | "captured" | "partially_refunded" | "refunded" | "voided";

interface Authorization {
  id: string;
  reference: string;
  amount: number;
  currency: string;
  status: AuthorizationStatus;
  captured: number;
  refunded: number;
  captureFails: boolean;
}

const DEFAULT_CONTROL: Control = { latencyMs: 0, failureRate: 0, failureStatus: 503, failureOperations: [] };

const authorizationRequest = z.object({
  token: z.string({ error: "is required" }).min(1, "is required"),
  amount: z
    .number({ error: "must be a whole number of minor units (cents)" })
    .int("must be a whole number of minor units (cents)")
    .min(1, "must be at least 1")
    .max(1_000_000_000, "must be at most 1000000000"),
  currency: z.string({ error: "is required" }).regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD"),
  reference: z.string({ error: "is required" }).min(1, "is required").max(200, "at most 200 characters"),
});

const amountRequest = z.object({ amount: authorizationRequest.shape.amount });

function badRequest(field: string, message: string): Reply {
  return { status: 400, body: { error: { code: "invalid_request", field, message } } };
}

function invalid(error: z.ZodError): Reply {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? "body");
  return badRequest(field, `${field}: ${issue?.message ?? "is invalid"}`);
}

function conflict(code: string, message: string): Reply {
  return { status: 409, body: { error: { code, message } } };
}

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

export interface SimulatorOptions {
  /** Entries kept per in-memory table (tokens, authorizations, idempotency keys, stats); default 10 000. */
  capacity?: number;
  /** Source of randomness for injected failures (tests pass a fixed one). */
  random?: () => number;
  now?: () => Date;
}

export class PspSimulator {
  private control: Control = { ...DEFAULT_CONTROL };
  private readonly tokens: BoundedMap<string, Card>;
  private readonly authorizations: BoundedMap<string, Authorization>;
  private readonly idempotency: IdempotencyStore;
  private readonly triesByKey: BoundedMap<string, number>;
  private readonly references: BoundedMap<string, ReferenceStats>;
  /** `abandoned`: calls whose client hung up before the answer (a caller's deadline, say). */
  private readonly totals = { requests: 0, injectedFailures: 0, replays: 0, abandoned: 0 };
  /** /v1 calls being handled right now, latency included. */
  inFlight = 0;
  private readonly random: () => number;
  private readonly now: () => Date;

  constructor(options: SimulatorOptions = {}) {
    const capacity = options.capacity ?? 10_000;
    this.tokens = new BoundedMap(capacity);
    this.authorizations = new BoundedMap(capacity);
    this.idempotency = new IdempotencyStore(capacity);
    this.triesByKey = new BoundedMap(capacity);
    this.references = new BoundedMap(capacity);
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date());
  }

  getControl(): Control {
    return { ...this.control, failureOperations: [...this.control.failureOperations] };
  }

  setControl(patch: z.infer<typeof controlPatch>): Control {
    this.control = { ...this.control, ...patch };
    return this.getControl();
  }

  /** The injected failure that answers this call instead of handling it, if the dice say so. */
  injectedFailure(operation: PspOperation): Reply | null {
    this.totals.requests++;
    const { failureOperations } = this.control;
    if (failureOperations.length > 0 && !failureOperations.includes(operation)) return null;
    if (this.control.failureRate <= 0 || this.random() >= this.control.failureRate) return null;
    this.totals.injectedFailures++;
    return {
      status: this.control.failureStatus,
      body: {
        error: {
          code: "injected_failure",
          message: `simulated outage (failureRate ${this.control.failureRate})`,
        },
      },
    };
  }

  createToken(body: Record<string, unknown>): Reply {
    const checked = checkCard(
      {
        number: body.number,
        expMonth: body.expMonth,
        expYear: body.expYear,
        cvc: body.cvc,
        name: body.name,
      },
      this.now(),
    );
    if (!checked.ok) return badRequest(checked.error.field, checked.error.message);
    const token = newId("tok");
    this.tokens.set(token, checked.card);
    return { status: 201, body: { token, brand: checked.card.brand, last4: checked.card.last4 } };
  }

  authorize(key: string | undefined, body: Record<string, unknown>): Reply {
    const reference = typeof body.reference === "string" ? body.reference : undefined;
    return this.idempotent("authorizations", key, body, reference, () => {
      const parsed = authorizationRequest.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const request = parsed.data;
      const card = this.tokens.get(request.token);
      if (!card) return badRequest("token", "token: unknown or expired payment token");
      const stats = this.statsFor(request.reference);
      const behaviour = behaviourOf(card.number);
      if (behaviour.kind === "processing-error") {
        const triesKey = `authorizations ${key}`;
        const tries = (this.triesByKey.get(triesKey) ?? 0) + 1;
        this.triesByKey.set(triesKey, tries);
        if (tries <= behaviour.failures) {
          stats.errors++;
          return {
            status: 500,
            body: {
              error: {
                code: "processing_error",
                message: "The provider could not process the card; try again.",
              },
            },
          };
        }
      }
      const authorization: Authorization = {
        id: newId("auth"),
        reference: request.reference,
        amount: request.amount,
        currency: request.currency,
        status: behaviour.kind === "decline" ? "declined" : "authorized",
        captured: 0,
        refunded: 0,
        captureFails: behaviour.kind === "capture-fails",
      };
      this.authorizations.set(authorization.id, authorization);
      if (behaviour.kind === "decline") {
        stats.declines++;
        return {
          status: 402,
          body: {
            id: authorization.id,
            status: "declined",
            code: behaviour.code,
            message: behaviour.message,
          },
        };
      }
      stats.authorizations++;
      return { status: 201, body: this.view(authorization) };
    });
  }

  capture(key: string | undefined, id: string, body: Record<string, unknown>): Reply {
    return this.onAuthorization("capture", key, id, body, (auth, amount, stats) => {
      if (auth.status !== "authorized") return conflict("already_captured", `${id} was already captured`);
      if (amount > auth.amount)
        return badRequest("amount", `amount: ${amount} exceeds the authorized ${auth.amount}`);
      if (auth.captureFails) {
        stats.captureFailures++;
        return {
          status: 402,
          body: { id, status: "failed", code: "capture_failed", message: "The issuer refused the capture." },
        };
      }
      auth.status = "captured";
      auth.captured = amount;
      stats.captures++;
      return { status: 200, body: this.view(auth) };
    });
  }

  /** Refunds captured money, or voids an authorization that was never captured. */
  refund(key: string | undefined, id: string, body: Record<string, unknown>): Reply {
    return this.onAuthorization("refund", key, id, body, (auth, amount, stats) => {
      if (auth.status === "authorized") {
        if (amount > auth.amount)
          return badRequest("amount", `amount: ${amount} exceeds the authorized ${auth.amount}`);
        auth.status = "voided";
        stats.voids++;
        return { status: 200, body: this.view(auth) };
      }
      const refundable = auth.captured - auth.refunded;
      if (amount > refundable)
        return badRequest(
          "amount",
          `amount: ${amount} exceeds the ${refundable} still refundable (captured ${auth.captured}, refunded ${auth.refunded})`,
        );
      auth.refunded += amount;
      auth.status = auth.refunded === auth.captured ? "refunded" : "partially_refunded";
      stats.refunds++;
      return { status: 200, body: { ...this.view(auth), refundedNow: amount } };
    });
  }

  /** An idempotent {amount} call on an existing authorization that was neither declined nor voided. */
  private onAuthorization(
    endpoint: "capture" | "refund",
    key: string | undefined,
    id: string,
    body: Record<string, unknown>,
    act: (auth: Authorization, amount: number, stats: ReferenceStats) => Reply,
  ): Reply {
    const request = { ...body, authorization: id };
    return this.idempotent(endpoint, key, request, this.authorizations.get(id)?.reference, () => {
      const parsed = amountRequest.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const auth = this.authorizations.get(id);
      if (!auth) return this.notFound(id);
      if (auth.status === "declined") return conflict("authorization_declined", `${id} was declined`);
      if (auth.status === "voided") return conflict("authorization_voided", `${id} was voided`);
      return act(auth, parsed.data.amount, this.statsFor(auth.reference));
    });
  }

  getAuthorization(id: string): Reply {
    const auth = this.authorizations.get(id);
    return auth ? { status: 200, body: this.view(auth) } : this.notFound(id);
  }

  stats(reference?: string): unknown {
    if (reference !== undefined) return { reference, ...(this.references.get(reference) ?? emptyStats()) };
    return {
      totals: { ...this.totals, inFlight: this.inFlight },
      references: Object.fromEntries(this.references),
    };
  }

  reset(): void {
    this.control = { ...DEFAULT_CONTROL };
    this.tokens.clear();
    this.authorizations.clear();
    this.idempotency.clear();
    this.triesByKey.clear();
    this.references.clear();
    this.totals.requests = 0;
    this.totals.injectedFailures = 0;
    this.totals.replays = 0;
    this.totals.abandoned = 0;
  }

  noteAbandoned(): void {
    this.totals.abandoned++;
  }

  private idempotent(
    endpoint: string,
    key: string | undefined,
    request: Record<string, unknown>,
    reference: string | undefined,
    handle: () => Reply,
  ): Reply {
    if (key === undefined)
      return badRequest("Idempotency-Key", "Idempotency-Key: this header is required on every POST here");
    if (key.length < 1 || key.length > 255)
      return badRequest("Idempotency-Key", "Idempotency-Key: must be 1 to 255 characters");
    const found = this.idempotency.lookup(endpoint, key, request);
    if (reference !== undefined) this.statsFor(reference).requests++;
    if (found.kind === "mismatch")
      return {
        status: 409,
        body: { error: { code: "idempotency_mismatch", field: found.field, message: found.message } },
      };
    if (found.kind === "replay") {
      this.totals.replays++;
      if (reference !== undefined) this.statsFor(reference).replays++;
      return { ...found.response, replayed: true };
    }
    const reply = handle();
    this.idempotency.remember(endpoint, key, request, reply);
    return reply;
  }

  private statsFor(reference: string): ReferenceStats {
    let stats = this.references.get(reference);
    if (!stats) {
      stats = emptyStats();
      this.references.set(reference, stats);
    }
    return stats;
  }

  private notFound(id: string): Reply {
    return { status: 404, body: { error: { code: "not_found", message: `no authorization ${id}` } } };
  }

  private view(auth: Authorization) {
    return {
      id: auth.id,
      status: auth.status,
      reference: auth.reference,
      amount: auth.amount,
      currency: auth.currency,
      captured: auth.captured,
      refunded: auth.refunded,
    };
  }
}

function emptyStats(): ReferenceStats {
  return {
    requests: 0,
    authorizations: 0,
    declines: 0,
    captures: 0,
    captureFailures: 0,
    refunds: 0,
    voids: 0,
    errors: 0,
    replays: 0,
  };
}
