// Web vitals from shoppers' browsers (src/vitals/report-web-vitals.tsx sends them with sendBeacon):
// one small JSON body per measurement, checked, and recorded in a histogram by kind of page — the
// path is reduced to a fixed set here, on the server. Anything else is a 400 (413 past 1 kB) and
// records nothing. Cheap enough to take every beacon: no database, no session.
import { z } from "zod";
import { observeVital } from "@/vitals/metrics";
import { vitalsPageOf } from "@/vitals/pages";

export const dynamic = "force-dynamic";

/** Far above a real beacon (about 80 bytes). */
const MAX_BYTES = 1024;

const beacon = z.strictObject({
  name: z.enum(["LCP", "INP", "CLS"]),
  // Milliseconds for LCP and INP (at most ten minutes), a score for CLS.
  value: z.number().finite().min(0).max(600_000),
  path: z.string().startsWith("/").max(2048),
});

/** The body as text, or null once it passes `max` bytes (read no further). */
async function readCapped(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain" } });
}

export async function POST(request: Request): Promise<Response> {
  const text = await readCapped(request, MAX_BYTES);
  if (text === null) return refuse(413, `A web-vitals report is at most ${MAX_BYTES} bytes.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(400, "Send one web-vitals report as JSON.");
  }
  const parsed = beacon.safeParse(json);
  if (!parsed.success)
    return refuse(
      400,
      `Not a web-vitals report: ${parsed.error.issues.map((i) => i.path.join(".") || "body").join(", ")}`,
    );
  const { name, value, path } = parsed.data;
  observeVital(name, vitalsPageOf(path), value);
  return new Response(null, { status: 204 });
}
