// A typed tRPC client for the identity service, for the apps' servers (sign-in, sign-up, staff pages).
import { createTRPCClient, httpLink } from "@trpc/client";
import type { AppRouter } from "./router/_app";

export type { AppRouter, RouterInputs, RouterOutputs } from "./router/_app";
export type * from "./domain/types";

/**
 * `getAuthorizationHeader` gives the header for each call ("Bearer <service token>" naming the signed-in
 * user, from @emporium/auth's signServiceToken); without it, or when it gives undefined, the call is
 * anonymous, which is enough for auth.signIn and auth.signUp.
 */
export function createIdentityClient(
  url: string,
  getAuthorizationHeader?: () => string | undefined | Promise<string | undefined>,
) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url,
        ...(getAuthorizationHeader
          ? {
              headers: async (): Promise<Record<string, string>> => {
                const authorization = await getAuthorizationHeader();
                return authorization ? { authorization } : {};
              },
            }
          : {}),
      }),
    ],
  });
}

export type IdentityClient = ReturnType<typeof createIdentityClient>;
