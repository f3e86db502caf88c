// Structured data for search engines. "<" is escaped so a product text containing "</script>" cannot
// end the script element early.
export function JsonLd({ data }: { data: object }) {
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
