// The browser's live view of one order: the storefront's own SSE stream, fed by the orders service's
// order.watch subscription. The access token is taken from the order's httpOnly cookie here and sent
// only to the orders service; the browser just opens /orders/<id>/live with EventSource.
//
// Events: `order` (the whole OrderView, first at once and again after every change), `ping` (the
// service's keep-alive, so the page can tell a quiet stream from a dead one) and `gone` (this browser
// may not watch the order: stop). When the upstream stream ends or fails, this stream ends and the
// browser reconnects by itself; every connection starts with the current order, so nothing is missed.
import { classifyOrdersError } from "@/orders/errors";
import { orders, orderWatchUrl } from "@/orders/server";
import { formatSse, SseParser } from "./sse";
import { isOrderView } from "./status";

const CONNECT_TIMEOUT_MS = 10_000;
/** How long the browser waits before reconnecting after a stream ends. */
const RETRY_MS = 2_000;

const HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

const encoder = new TextEncoder();

function once(text: string, status = 200): Response {
  return new Response(text, { status, headers: HEADERS });
}

function goneResponse(message: string): Response {
  return once(formatSse("gone", JSON.stringify({ message })));
}

/** Translates the service's tRPC SSE events into ours; null ends the stream. */
export function translate(event: { event: string; data: string }): string | null | undefined {
  if (event.event === "message") {
    let value: unknown;
    try {
      value = JSON.parse(event.data);
    } catch {
      return null;
    }
    return isOrderView(value) ? formatSse("order", event.data) : null;
  }
  if (event.event === "ping") return formatSse("ping", "");
  if (event.event === "connected") return undefined;
  // "serialized-error", "return" or anything new: end, and let the browser reconnect.
  return null;
}

export async function liveOrderResponse(
  orderId: string,
  accessToken: string | null,
  request: Request,
): Promise<Response> {
  if (!accessToken) return goneResponse("This order cannot be shown on this device");

  // Checked with a plain query first: a refused token is final, a hiccup is not.
  try {
    await orders.order.get.query({ orderId, accessToken });
  } catch (error) {
    const failure = classifyOrdersError(error);
    if (failure.kind === "not-found" || failure.kind === "invalid")
      return goneResponse("This order cannot be shown on this device");
    return once(`retry: ${RETRY_MS}\n\n`, 503);
  }

  const upstream = new AbortController();
  const onAbort = () => upstream.abort();
  request.signal.addEventListener("abort", onAbort, { once: true });
  const connectTimer = setTimeout(() => upstream.abort(), CONNECT_TIMEOUT_MS);
  let response: globalThis.Response;
  try {
    response = await fetch(orderWatchUrl(orderId, accessToken), {
      headers: { accept: "text/event-stream" },
      cache: "no-store",
      signal: upstream.signal,
    });
  } catch {
    request.signal.removeEventListener("abort", onAbort);
    return once(`retry: ${RETRY_MS}\n\n`, 503);
  } finally {
    clearTimeout(connectTimer);
  }
  const body = response.body;
  if (!response.ok || !body) {
    upstream.abort();
    request.signal.removeEventListener("abort", onAbort);
    return once(`retry: ${RETRY_MS}\n\n`, 503);
  }

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      const reader = body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      try {
        reading: for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const event of parser.push(value)) {
            const out = translate(event);
            if (out === null) break reading;
            if (out !== undefined) controller.enqueue(encoder.encode(out));
          }
        }
      } catch {
        // The upstream stream broke or the browser left; either way this stream is over.
      } finally {
        upstream.abort();
        request.signal.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          // Already closed because the browser went away.
        }
      }
    },
    cancel() {
      upstream.abort();
    },
  });
  return new Response(stream, { headers: HEADERS });
}
