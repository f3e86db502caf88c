// The anchors GitHub gives a Markdown file's headings, and the check that every alert's runbook_url
// points at one of them (used by check-observability.ts; unit-tested in check-observability.test.ts).

/**
 * GitHub's anchor for a heading's text (github-slugger): the rendered text in lower case, without
 * punctuation other than `-` and `_`, spaces turned into `-`. Inline code, emphasis and links are
 * reduced to their text first, as GitHub renders them.
 */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // [text](url), ![alt](src)
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__|\*)(.+?)\1/g, "$2")
    .trim();
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/**
 * Every anchor of a Markdown document's ATX headings (`#` … `######`), outside fenced code blocks; a
 * repeated heading gets `-1`, `-2`, … as on GitHub.
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    const opens = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opens?.[1]) {
      const marker = opens[1];
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1] ?? "");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

export interface AlertRunbook {
  alert: string;
  /** The alert's `runbook_url` annotation, if any. */
  url: string | undefined;
}

/**
 * What is wrong with the alerts' runbook links: each must be `<doc>#<anchor>` (the document given,
 * relative to the repository root) and the anchor a heading of that document. One message per alert,
 * naming it.
 */
export function runbookLinkProblems(
  alerts: readonly AlertRunbook[],
  doc: { path: string; markdown: string },
): string[] {
  const anchors = headingAnchors(doc.markdown);
  const problems: string[] = [];
  for (const { alert, url } of alerts) {
    if (!url) {
      problems.push(
        `alert ${alert} has no runbook_url annotation (expected ${doc.path}#${alert.toLowerCase()})`,
      );
      continue;
    }
    const hash = url.indexOf("#");
    const file = hash < 0 ? url : url.slice(0, hash);
    const anchor = hash < 0 ? "" : url.slice(hash + 1);
    if (file !== doc.path || !anchor)
      problems.push(`alert ${alert}: runbook_url ${url} must be ${doc.path}#<heading anchor>`);
    else if (!anchors.has(anchor))
      problems.push(`alert ${alert}: runbook_url ${url} names no heading of ${doc.path} (no #${anchor})`);
  }
  return problems;
}
