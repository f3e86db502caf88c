// Response headers for every admin page: no framing, no sniffing, no indexing, and a content
// security policy that keeps scripts, images and connections on this origin (plus, when configured,
// the storage origin that product image uploads go to).

export interface Header {
  key: string;
  value: string;
}

export function securityHeaders(options: {
  dev: boolean;
  /** An origin browsers upload product images to directly (the S3 media bucket), if not this one. */
  uploadOrigin?: string | undefined;
}): Header[] {
  // Product images go from the browser to storage: this origin's /uploads, or the named S3 origin.
  const upload = options.uploadOrigin ? ` ${options.uploadOrigin}` : "";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${upload}${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${upload}`,
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "X-Robots-Tag", value: "noindex, nofollow" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  ];
}
