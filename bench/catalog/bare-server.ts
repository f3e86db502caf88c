// The baseline for bench (a): a bare node:http server that answers every request with the bytes
// captured from one real catalog response. Started as a child process by run.ts:
//   node --import tsx bench/catalog/bare-server.ts <body-file> <content-type>
// Prints {"port": n} on stdout once listening; stops on SIGTERM.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [bodyFile, contentType] = process.argv.slice(2);
if (!bodyFile || !contentType) {
  console.error("usage: bare-server.ts <body-file> <content-type>");
  process.exit(2);
}
const body = readFileSync(bodyFile);
const headers = { "content-type": contentType, "content-length": String(body.length) };

const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
