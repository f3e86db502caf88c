// A script that runs while the HTML is parsed, before first paint. React never runs scripts it renders
// on the client, so the client copy is inert text (and its type mismatch is expected).
export function InlineScript({ code }: { code: string }) {
  return (
    <script
      type={typeof window === "undefined" ? "text/javascript" : "text/plain"}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: code }}
    />
  );
}
