// Response headers for every page. The Content-Security-Policy is made per request by the proxy
// (src/proxy.ts) with a fresh nonce: Next puts it on its own inline scripts (it reads the policy from
// the request), the layout on ours, and 'strict-dynamic' lets those load the rest — so an injected
// script, which cannot know the nonce, does not run. Every page is rendered per request; the pages a
// shared cache may keep carry their render's nonce (see ./shared-cache.ts for why that is safe). The
// policy also blocks plugins, framing, foreign form targets,
// base-tag hijacking and connections to other origins; the other headers are the same on every page.

export interface Header {
  key: string;
  value: string;
}

/** The request header the proxy hands a page's nonce on in (read by the layout for its inline script). */
export const NONCE_HEADER = "x-nonce";

export function contentSecurityPolicy(options: { dev: boolean; nonce: string }): string {
  const scripts = [
    "'self'",
    `'nonce-${options.nonce}'`,
    "'strict-dynamic'",
    ...(options.dev ? ["'unsafe-eval'"] : []),
  ];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers that are the same on every response (the CSP is the proxy's, per request). */
export function securityHeaders(): Header[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  ];
}
