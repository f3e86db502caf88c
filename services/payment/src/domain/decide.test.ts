import { describe, expect, it } from "vitest";
import { afterRefund, decideAuthorize, decideCapture, decideRefund, type PaymentState } from "./decide";

const payment = (change: Partial<PaymentState> = {}): PaymentState => ({
  status: "AUTHORIZED",
  amount: 1000,
  capturedAmount: 0,
  refundedAmount: 0,
  providerRef: "auth_1",
  declineReason: null,
  ...change,
});

describe("authorize", () => {
  it("calls the provider for a new or unfinished payment and answers again otherwise", () => {
    expect(decideAuthorize(null)).toEqual({ kind: "call" });
    expect(decideAuthorize(payment({ status: "PENDING", providerRef: null }))).toEqual({ kind: "call" });
    expect(decideAuthorize(payment({ status: "CAPTURED" }))).toEqual({
      kind: "answer",
      answer: "authorized",
    });
    expect(decideAuthorize(payment({ status: "DECLINED" }))).toEqual({ kind: "answer", answer: "declined" });
    expect(decideAuthorize(payment({ status: "FAILED", providerRef: null }))).toEqual({
      kind: "answer",
      answer: "failed",
    });
    // Failed at capture: it had been authorized.
    expect(decideAuthorize(payment({ status: "FAILED" }))).toEqual({ kind: "answer", answer: "authorized" });
  });

  it("calls again for the shopper's next card only when the last one took nothing", () => {
    expect(decideAuthorize(payment({ status: "DECLINED", providerRef: null }), 2)).toEqual({ kind: "call" });
    expect(decideAuthorize(payment({ status: "FAILED", providerRef: null }), 3)).toEqual({ kind: "call" });
    expect(decideAuthorize(payment({ status: "AUTHORIZED" }), 2)).toEqual({
      kind: "answer",
      answer: "authorized",
    });
    expect(decideAuthorize(payment({ status: "FAILED" }), 2)).toEqual({
      kind: "answer",
      answer: "authorized",
    });
  });
});

describe("capture", () => {
  it("captures up to the authorized amount, once", () => {
    expect(decideCapture(payment(), 1000)).toEqual({ kind: "call", providerRef: "auth_1" });
    expect(decideCapture(payment(), 600)).toEqual({ kind: "call", providerRef: "auth_1" });
    expect(decideCapture(payment(), 1001)).toEqual({
      kind: "refuse",
      reason: "capture of 1001 exceeds the authorized 1000",
    });
    expect(decideCapture(payment({ status: "CAPTURED", capturedAmount: 1000 }), 1000)).toEqual({
      kind: "answer",
    });
  });

  it("waits for an authorization in progress and refuses what cannot be captured", () => {
    expect(decideCapture(payment({ status: "PENDING" }), 1000).kind).toBe("wait");
    expect(decideCapture(null, 1000).kind).toBe("refuse");
    expect(decideCapture(payment({ status: "DECLINED" }), 1000).kind).toBe("refuse");
    expect(decideCapture(payment({ status: "REFUNDED", refundedAmount: 1000 }), 1000)).toEqual({
      kind: "refuse",
      reason: "the authorization was voided; nothing to capture",
    });
  });
});

describe("refund", () => {
  const captured = payment({ status: "CAPTURED", capturedAmount: 800 });

  it("refunds cumulatively, never more than was captured", () => {
    expect(decideRefund(captured, 300)).toEqual({
      kind: "call",
      mode: "refund",
      refundedSoFar: 0,
      providerRef: "auth_1",
    });
    const partly = { ...captured, ...afterRefund(captured, "refund", 300) };
    expect(partly).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedAmount: 300 });
    expect(decideRefund(partly, 600)).toEqual({
      kind: "refuse",
      reason: "refund of 600 exceeds the 500 still refundable (captured 800, refunded 300)",
    });
    expect(decideRefund(partly, 500)).toEqual({
      kind: "call",
      mode: "refund",
      refundedSoFar: 300,
      providerRef: "auth_1",
    });
    const all = { ...partly, ...afterRefund(partly, "refund", 500) };
    expect(all).toMatchObject({ status: "REFUNDED", refundedAmount: 800 });
    expect(decideRefund(all, 500)).toEqual({ kind: "answer" });
    expect(decideRefund(all, 900).kind).toBe("refuse");
  });

  it("voids an uncaptured authorization in full, including one whose capture failed", () => {
    expect(decideRefund(payment(), 1000)).toEqual({
      kind: "call",
      mode: "void",
      refundedSoFar: 0,
      providerRef: "auth_1",
    });
    expect(decideRefund(payment(), 1200).kind).toBe("refuse");
    expect(decideRefund(payment({ status: "FAILED", declineReason: "capture failed" }), 1000).kind).toBe(
      "call",
    );
    expect(afterRefund(payment(), "void", 400)).toEqual({
      status: "REFUNDED",
      refundedAmount: 1000,
      refundedNow: 1000,
    });
  });

  it("refuses when nothing was charged", () => {
    expect(decideRefund(payment({ status: "DECLINED" }), 1000).kind).toBe("refuse");
    expect(decideRefund(payment({ status: "FAILED", providerRef: null }), 1000).kind).toBe("refuse");
    expect(decideRefund(null, 1000).kind).toBe("refuse");
    expect(decideRefund(payment({ status: "PENDING" }), 1000).kind).toBe("wait");
  });
});
