// A typed tRPC client for the identity service, for the apps' servers (sign-in, sign-up, staff pages).
import { createTRPCClient } from "@trpc/client";
import { serviceLinks, type ServiceClientOptions } from "@emporium/service-kit/client";
import type { AppRouter } from "./api/router/_app";

export type { AppRouter, RouterInputs, RouterOutputs } from "./api/router/_app";
export type * from "./domain/types";

/**
 * `getAuthorizationHeader` gives the header for each call ("Bearer <service token>" naming the signed-in
 * user, from @emporium/auth's signServiceToken); without it, or when it gives undefined, the call is
 * anonymous, which is enough for auth.signIn and auth.signUp. `clientIp` names the person's address,
 * which sign-in attempts are limited per (see ServiceClientOptions).
 */
export function createIdentityClient(
  url: string,
  getAuthorizationHeader?: () => string | undefined | Promise<string | undefined>,
  { clientIp }: Pick<ServiceClientOptions, "clientIp"> = {},
) {
  const headers = async (): Promise<Record<string, string>> => {
    const authorization = await getAuthorizationHeader?.();
    return authorization ? { authorization } : {};
  };
  return createTRPCClient<AppRouter>({
    links: serviceLinks({ url, headers, ...(clientIp ? { clientIp } : {}) }),
  });
}

export type IdentityClient = ReturnType<typeof createIdentityClient>;
