// A stand-in upstream that records every request it gets (health checks aside), to show what the
// gateway forwards — and that a refused request reached no instance at all.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
}

export class Recorder {
  readonly requests: Recorded[] = [];
  private server: Server | null = null;

  constructor(readonly name: string) {}

  async listen(port: number): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.url === "/readyz") {
        res.end("ready");
        return;
      }
      let bodyBytes = 0;
      req.on("data", (chunk: Buffer) => (bodyBytes += chunk.length));
      req.on("end", () => {
        this.requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, bodyBytes });
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(`${this.name} saw ${req.method} ${req.url}`);
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  }

  /** The requests recorded while `action` ran. */
  async during(action: () => Promise<unknown>): Promise<Recorded[]> {
    const before = this.requests.length;
    await action();
    return this.requests.slice(before);
  }

  close(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}
