// LISTEN on PostgreSQL that outlives its connection. A notification is only delivered to a connection
// listening when it is sent, so a listener whose connection drops (a server restart, a terminated
// backend, a network failure) would otherwise go deaf for good: the outbox relays would fall back to
// their slow poll and the shoppers' live order pages would stop moving. This one reconnects with a
// capped backoff, listens again, and then reports the gap, so the caller re-reads whatever it watches.
import pg from "pg";

export interface ListenOptions {
  url: string;
  channel: string;
  onNotify: (payload: string) => void;
  /** Called after a reconnect: notifications sent while disconnected were lost. */
  onGap?: (() => void) | undefined;
  /** First and largest delay between reconnect attempts (default 100 ms and 5 s). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** Listens until the returned function is called; the first connection must succeed (it throws if not). */
export async function listenPersistently(o: ListenOptions): Promise<() => Promise<void>> {
  const minDelay = o.minDelayMs ?? 100;
  const maxDelay = o.maxDelayMs ?? 5_000;
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;

  /** Connects and listens; the connection becomes `client`, watched for its end. */
  const connect = async (): Promise<void> => {
    // Keep-alive probes notice a peer that vanished without closing the connection.
    const c = new pg.Client({ connectionString: o.url, keepAlive: true });
    let ended = false;
    c.on("error", () => undefined); // the connection's end follows, and is handled there
    c.once("end", () => {
      ended = true;
      if (client !== c) return; // not yet listening, stopped, or already replaced
      client = null;
      if (!stopped) reconnect(1);
    });
    c.on("notification", (msg) => {
      if (msg.channel === o.channel) o.onNotify(msg.payload ?? "");
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(o.channel)}`);
      if (ended) throw new Error(`the connection listening on ${o.channel} ended at once`);
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    client = c;
  };

  const reconnect = (attempt: number): void => {
    const delay = Math.min(maxDelay, minDelay * 2 ** (attempt - 1));
    retry = setTimeout(() => {
      connect().then(
        async () => {
          if (!stopped) return o.onGap?.();
          const c = client;
          client = null;
          await c?.end().catch(() => undefined);
        },
        () => {
          if (!stopped) reconnect(attempt + 1);
        },
      );
    }, delay);
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}
