// The address of the person this request is for, handed to the backends (x-emporium-client-ip) so that
// their limits per address (sign-in, placing orders, search) count people, not this server: the first
// hop of X-Forwarded-For as this server received it — the gateway's view of the browser, or the
// browser's own address when nothing stands in front (Next fills the header in from the connection).
// Only for code answering a request (it reads that request's headers).
import { headers } from "next/headers";
import { forwardedClientIp } from "@emporium/service-kit/client";

export async function clientIp(): Promise<string | undefined> {
  return forwardedClientIp((await headers()).get("x-forwarded-for"));
}
