"use client";
// Follows an order over /orders/<id>/live with EventSource. The browser reconnects by itself after a
// dropped stream; when it gives up (an error answer) this hook tries again with growing pauses, and a
// stream that has gone silent for longer than the service's keep-alive is replaced.
import { useEffect, useState } from "react";
import { isSettled, readOrderView, type OrderView } from "./status";

export type Connection = "connecting" | "live" | "reconnecting" | "stopped";

/** The service pings every 15 s; this much silence means the stream is dead. */
const SILENCE_MS = 45_000;
const MAX_BACKOFF_MS = 30_000;

export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, failures - 1));
}

export interface LiveOrder {
  order: OrderView;
  connection: Connection;
  /** Set when the stream said this browser may not watch the order. */
  refused: string | null;
}

export function useLiveOrder(initial: OrderView): LiveOrder {
  const [order, setOrder] = useState(initial);
  const [connection, setConnection] = useState<Connection>(
    isSettled(initial.status) ? "stopped" : "connecting",
  );
  const [refused, setRefused] = useState<string | null>(null);
  const orderId = initial.id;
  const settled = isSettled(initial.status);

  useEffect(() => {
    if (settled) return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const stop = () => {
      stopped = true;
      source?.close();
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
    };
    const retryLater = () => {
      source?.close();
      clearTimeout(silenceTimer);
      if (stopped) return;
      failures += 1;
      setConnection("reconnecting");
      retryTimer = setTimeout(connect, backoffMs(failures));
    };
    const heard = () => {
      clearTimeout(silenceTimer);
      silenceTimer = setTimeout(retryLater, SILENCE_MS);
    };

    function connect() {
      source = new EventSource(`/orders/${orderId}/live`);
      heard();
      source.addEventListener("order", (event) => {
        const next = readOrderView(event.data);
        if (!next || next.id !== orderId) return;
        failures = 0;
        heard();
        setConnection("live");
        setOrder(next);
        if (isSettled(next.status)) {
          stop();
          setConnection("stopped");
        }
      });
      source.addEventListener("ping", heard);
      source.addEventListener("gone", (event) => {
        stop();
        setConnection("stopped");
        let message = "This order cannot be followed on this device";
        try {
          const body: unknown = JSON.parse(event.data);
          if (
            typeof body === "object" &&
            body !== null &&
            "message" in body &&
            typeof body.message === "string"
          )
            message = body.message;
        } catch {
          // Keep the default message.
        }
        setRefused(message);
      });
      source.onerror = () => {
        if (stopped || !source) return;
        // CONNECTING: the browser is already reconnecting. CLOSED: it gave up; we try again later.
        if (source.readyState === EventSource.CLOSED) retryLater();
        else setConnection("reconnecting");
      };
    }

    connect();
    return stop;
  }, [orderId, settled]);

  return { order, connection, refused };
}
