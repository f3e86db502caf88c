// A script that runs while the HTML is parsed, before first paint. React never runs scripts it renders
// on the client, so the client copy is inert text (and its type mismatch is expected). It carries the
// request's nonce, without which the Content-Security-Policy would not let it run.
export function InlineScript({ code, nonce }: { code: string; nonce: string | undefined }) {
  return (
    <script
      type={typeof window === "undefined" ? "text/javascript" : "text/plain"}
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: code }}
    />
  );
}
