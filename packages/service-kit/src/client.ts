// The links of every typed backend client the apps and services build: one HTTP link with the caller's
// fetch (Next passes its own to control caching), headers (a signed service token) and the shopper's
// address, and for services with live streams, subscriptions over server-sent events. Depends on
// @trpc/client alone, so it is safe in any app bundle.
import { httpLink, httpSubscriptionLink, splitLink, type TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { CLIENT_IP_HEADER } from "./client-ip";

export { CLIENT_IP_HEADER, forwardedClientIp, parseIp } from "./client-ip";

export interface ServiceClientOptions {
  url: string;
  /** A fetch to use (Next passes its own to control caching). */
  fetch?: typeof fetch;
  /** Headers for each query and mutation (an Authorization header with a service token). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /**
   * The address of the shopper this call is made for (an app's server: the first X-Forwarded-For hop of
   * the request it is answering, see forwardedClientIp), sent as x-emporium-client-ip so that the
   * backend's limits per address count the shopper, not the app. Without it the backend counts the
   * caller's own address.
   */
  clientIp?: () => string | undefined | Promise<string | undefined>;
}

/** The caller's headers plus the shopper's address, when there is one. */
function headersOf(options: ServiceClientOptions) {
  const { headers, clientIp } = options;
  if (!clientIp) return headers;
  return async (): Promise<Record<string, string>> => {
    const [own, ip] = await Promise.all([headers?.() ?? {}, clientIp()]);
    return ip ? { ...own, [CLIENT_IP_HEADER]: ip } : own;
  };
}

export function serviceLinks(
  options: ServiceClientOptions,
  { subscriptions = false }: { subscriptions?: boolean } = {},
): TRPCLink<AnyRouter>[] {
  const headers = headersOf(options);
  const http = httpLink({
    url: options.url,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(headers ? { headers } : {}),
  });
  if (!subscriptions) return [http];
  return [
    splitLink({
      condition: (op) => op.type === "subscription",
      true: httpSubscriptionLink({ url: options.url }),
      false: http,
    }),
  ];
}
