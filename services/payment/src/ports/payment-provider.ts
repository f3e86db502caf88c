// What the payment worker needs from a payment service provider: authorize, capture and refund, each
// sent with an idempotency key so that sending it again never charges twice. A call either returns an
// answer (approved, or declined with the provider's code) or throws a typed error that says whether
// trying again later could help.

export type ProviderOperation = "authorize" | "capture" | "refund";

export interface AuthorizeRequest {
  idempotencyKey: string;
  /** The provider's payment-method token ("tok_…"); card numbers never reach Emporium. */
  token: string;
  /** Minor units (cents). */
  amount: number;
  currency: string;
  /** Our order id: the provider files the authorization under it. */
  reference: string;
}

export interface CaptureRequest {
  idempotencyKey: string;
  /** The provider's authorization id. */
  providerRef: string;
  amount: number;
  reference: string;
}

/** Refunds captured money, or voids an authorization that was never captured. */
export type RefundRequest = CaptureRequest;

export interface Declined {
  outcome: "declined";
  /** The provider's reason code, e.g. card_declined, insufficient_funds, capture_failed. */
  code: string;
  message: string;
}

export type AuthorizeResult =
  { outcome: "approved"; providerRef: string } | (Declined & { providerRef?: string });
export type CaptureResult = { outcome: "approved"; captured: number } | Declined;
export type RefundResult = { outcome: "approved"; voided: boolean } | Declined;

/** The circuit breaker in front of the provider: closed (calls go through), open, or half-open (one trial). */
export type BreakerState = "closed" | "open" | "half-open";

export interface PaymentProvider {
  authorize(request: AuthorizeRequest, signal?: AbortSignal): Promise<AuthorizeResult>;
  capture(request: CaptureRequest, signal?: AbortSignal): Promise<CaptureResult>;
  refund(request: RefundRequest, signal?: AbortSignal): Promise<RefundResult>;
  /** Resolves once the provider answers a harmless request: the breaker's probe after an outage. */
  ping(signal?: AbortSignal): Promise<void>;
}

export abstract class ProviderError extends Error {
  constructor(
    message: string,
    /** Short and stable, for logs, metrics and PaymentAttempt.errorCode: timeout, http_503, … */
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Might succeed later: no answer in time, no connection, a 5xx or 429, or the circuit breaker open. */
export class TransientProviderError extends ProviderError {
  override name = "TransientProviderError";
}

/** Will fail the same way however often it is sent: the provider refused the request itself (4xx). */
export class PermanentProviderError extends ProviderError {
  override name = "PermanentProviderError";
}
