// The links of every typed backend client the apps and services build: one HTTP link with the caller's
// fetch (Next passes its own to control caching) and headers (a signed service token), and for
// services with live streams, subscriptions over server-sent events. Depends on @trpc/client alone, so
// it is safe in any app bundle.
import { httpLink, httpSubscriptionLink, splitLink, type TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";

export interface ServiceClientOptions {
  url: string;
  /** A fetch to use (Next passes its own to control caching). */
  fetch?: typeof fetch;
  /** Headers for each query and mutation (an Authorization header with a service token). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
}

export function serviceLinks(
  options: ServiceClientOptions,
  { subscriptions = false }: { subscriptions?: boolean } = {},
): TRPCLink<AnyRouter>[] {
  const http = httpLink({
    url: options.url,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
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
