// Clients for the gateway as a browser reaches it: by host name (resolved here to 127.0.0.1) over HTTPS
// verified against the test's own certificate, or plain HTTP; and raw sockets for requests no HTTP
// client would send (a 10 MB header, a ".." path, one byte a second).
import type { LookupFunction } from "node:net";
import net from "node:net";
import tls from "node:tls";
import { Agent, request } from "undici";

// Every test host name is this machine.
const toLoopback: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
};

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export class GatewayClient {
  readonly agent: Agent;

  constructor(ca: string, connections = 16) {
    this.agent = new Agent({ connect: { ca, lookup: toLoopback }, connections, keepAliveTimeout: 5_000 });
  }

  /** One request; `url` names the host as a browser would (https://shop.test:8443/p/x). */
  async send(
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal } = {},
  ): Promise<Answer> {
    const res = await request(url, {
      dispatcher: this.agent,
      method: (init.method ?? "GET") as "GET",
      headers: init.headers,
      body: init.body,
      signal: init.signal,
    });
    return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

export interface RawOptions {
  port: number;
  /** Set for TLS (the SNI name; the certificate is verified against `ca`). */
  tls?: { servername: string; ca: string };
  /** What to send, in order; a number pauses that many milliseconds. */
  parts: (string | Buffer | number)[];
  /** Gives up waiting for an answer after this long. */
  timeoutMs: number;
}

/**
 * Writes `parts` on one connection and resolves with the status line's code (or 0 when the connection
 * ended without an answer) and the milliseconds until the answer. Write errors after the server
 * answered (it closes while a large request is still being sent) are expected and ignored.
 */
export function rawRequest(options: RawOptions): Promise<{ status: number; afterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: net.Socket = options.tls
      ? tls.connect({
          host: "127.0.0.1",
          port: options.port,
          servername: options.tls.servername,
          ca: options.tls.ca,
        })
      : net.connect({ host: "127.0.0.1", port: options.port });
    let received = "";
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      resolve({ status: match ? Number(match[1]) : 0, afterMs: Date.now() - started });
      socket.destroy();
    };
    const timer = setTimeout(finish, options.timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (received.includes("\r\n")) finish();
    });
    socket.on("error", () => undefined);
    socket.on("close", finish);
    socket.once(options.tls ? "secureConnect" : "connect", () => {
      void (async () => {
        for (const part of options.parts) {
          if (done || socket.destroyed) return;
          if (typeof part === "number") await new Promise((r) => setTimeout(r, part));
          else await new Promise<void>((r) => socket.write(part, () => r()));
        }
      })();
    });
  });
}
