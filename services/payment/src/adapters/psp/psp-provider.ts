// The PaymentProvider over the simulator's HTTP API (services/psp), which follows Stripe's shape: a
// real provider's adapter sits beside this one. One HTTP call per method; deadlines, retries and the
// circuit breaker are the caller's (see adapters/resilience).
import { z } from "zod";
import {
  PermanentProviderError,
  TransientProviderError,
  type AuthorizeRequest,
  type AuthorizeResult,
  type CaptureRequest,
  type CaptureResult,
  type PaymentProvider,
  type RefundRequest,
  type RefundResult,
} from "../../ports/payment-provider";

const approvedAuthorization = z.object({ id: z.string().min(1), status: z.literal("authorized") });
const declined = z.object({ id: z.string().optional(), code: z.string().min(1), message: z.string() });
const captured = z.object({ status: z.literal("captured"), captured: z.number().int() });
const refunded = z.object({ status: z.enum(["voided", "refunded", "partially_refunded"]) });
const errorBody = z.object({
  error: z.object({ code: z.string().optional(), field: z.string().optional(), message: z.string() }),
});

interface Answer {
  status: number;
  body: unknown;
}

function describeNetworkError(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  if (cause instanceof Error && "code" in cause && typeof cause.code === "string") return cause.code;
  return cause instanceof Error ? cause.message : String(cause);
}

export class PspProvider implements PaymentProvider {
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
  }

  async authorize(request: AuthorizeRequest, signal?: AbortSignal): Promise<AuthorizeResult> {
    const { idempotencyKey, ...body } = request;
    const answer = await this.post("/v1/authorizations", idempotencyKey, body, signal);
    if (answer.status === 201)
      return { outcome: "approved", providerRef: read(approvedAuthorization, answer).id };
    const d = read(declined, answer);
    return { outcome: "declined", code: d.code, message: d.message, ...(d.id ? { providerRef: d.id } : {}) };
  }

  async capture(request: CaptureRequest, signal?: AbortSignal): Promise<CaptureResult> {
    const answer = await this.post(
      `/v1/authorizations/${encodeURIComponent(request.providerRef)}/capture`,
      request.idempotencyKey,
      { amount: request.amount },
      signal,
    );
    if (answer.status === 200) return { outcome: "approved", captured: read(captured, answer).captured };
    const d = read(declined, answer);
    return { outcome: "declined", code: d.code, message: d.message };
  }

  async refund(request: RefundRequest, signal?: AbortSignal): Promise<RefundResult> {
    const answer = await this.post(
      `/v1/authorizations/${encodeURIComponent(request.providerRef)}/refund`,
      request.idempotencyKey,
      { amount: request.amount },
      signal,
    );
    if (answer.status === 200)
      return { outcome: "approved", voided: read(refunded, answer).status === "voided" };
    const d = read(declined, answer);
    return { outcome: "declined", code: d.code, message: d.message };
  }

  async ping(signal?: AbortSignal): Promise<void> {
    await this.send("GET", "/v1/health", undefined, undefined, signal);
  }

  /** One POST with its idempotency key. */
  private post(path: string, idempotencyKey: string, body: unknown, signal?: AbortSignal): Promise<Answer> {
    return this.send("POST", path, idempotencyKey, body, signal);
  }

  /** One call. Resolves with 2xx and 402 (a decline is an answer); throws typed errors for the rest. */
  private async send(
    method: "GET" | "POST",
    path: string,
    idempotencyKey: string | undefined,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<Answer> {
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          "content-type": "application/json",
          ...(idempotencyKey === undefined ? {} : { "idempotency-key": idempotencyKey }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
      status = response.status;
      text = await response.text();
    } catch (err) {
      if (signal?.aborted)
        throw new TransientProviderError("the call was abandoned at its deadline", "timeout", { cause: err });
      throw new TransientProviderError(
        `cannot reach the provider (${describeNetworkError(err)})`,
        "network",
        {
          cause: err,
        },
      );
    }
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's error page, say): the status alone decides below.
    }
    if ((status >= 200 && status < 300) || status === 402) return { status, body: json };
    const parsed = errorBody.safeParse(json);
    const detail = parsed.success ? parsed.data.error.message : `HTTP ${status}`;
    const code = parsed.success && parsed.data.error.code ? parsed.data.error.code : `http_${status}`;
    if (status >= 500 || status === 429)
      throw new TransientProviderError(`the provider answered ${status}: ${detail}`, `http_${status}`);
    throw new PermanentProviderError(`the provider refused the request (${status}): ${detail}`, code);
  }
}

function read<T>(schema: z.ZodType<T>, answer: Answer): T {
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success)
    throw new PermanentProviderError(
      `unexpected answer from the provider (${answer.status})`,
      "bad_response",
    );
  return parsed.data;
}
