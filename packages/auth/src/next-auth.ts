// What both apps' next-auth set-ups share: single sign-on with any OpenID Connect provider, configured
// by environment. next-auth runs the authorization-code flow with state and PKCE; the ID token it
// receives is handed to `toUser` (the identity service, which verifies the token itself and names the
// account), so the app never trusts the provider's claims on its own.
import type { User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button calls the provider ("Sign in with …"). */
  name: string;
}

export function oidcProvider<U extends User>(
  settings: OidcSettings,
  toUser: (idToken: string) => Promise<U>,
): OAuthConfig<Record<string, unknown>> {
  return {
    id: "oidc",
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    async profile(_claims, tokens) {
      if (!tokens.id_token) throw new Error("The provider sent no ID token");
      return toUser(tokens.id_token);
    },
  };
}
