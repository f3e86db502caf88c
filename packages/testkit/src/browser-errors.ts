// Every page a test opens in the launched browser is watched: an uncaught exception, a console error
// (React reports hydration mismatches there) or a failed resource load is a problem the test did not
// ask for, and the setup file (browser-setup.ts) fails the test that saw it. Only errors a spec provokes
// on purpose are let through, each named below with the spec that provokes it.
import type { BrowserContext, ConsoleMessage, Page } from "playwright-core";

export interface PageProblem {
  kind: "console error" | "uncaught exception";
  text: string;
  /** The page or resource the message is about, when the browser says. */
  url: string;
  /** The page that reported it. */
  pageUrl: string;
}

interface Allowed {
  /** Which spec provokes it, and why. */
  because: string;
  matches(problem: PageProblem): boolean;
}

const pathOf = (url: string): string => (URL.canParse(url) ? new URL(url).pathname : "");

/** Kept small on purpose: a new entry needs a spec that provokes the error deliberately. */
const ALLOWED: readonly Allowed[] = [
  {
    because:
      "the sign-in specs type a wrong password on purpose: the credentials callback answers 401, " +
      "which the browser logs for the sign-in form's own request",
    matches: (p) =>
      p.kind === "console error" &&
      /status of 401\b/.test(p.text) &&
      pathOf(p.url) === "/api/auth/callback/credentials",
  },
  {
    because:
      "the single sign-on specs log in on the test OpenID provider's development pages (oidc-provider's " +
      "/interaction/…), which ask for a web font and a favicon this offline machine cannot serve",
    matches: (p) => p.kind === "console error" && pathOf(p.pageUrl).startsWith("/interaction/"),
  },
  {
    because:
      "checkout.e2e.ts types a card number with a bad checksum on purpose, and the payment provider " +
      "refuses to tokenise it with a 400 (issue 18, item 3 moves that check before the provider call)",
    matches: (p) =>
      p.kind === "console error" &&
      /status of 400\b/.test(p.text) &&
      pathOf(p.url).endsWith("/psp/v1/tokens"),
  },
];

/** What one page may report because its test provokes it (see allowPageProblems). */
const allowedOnPage = new WeakMap<Page, RegExp[]>();

/**
 * Lets `page` report problems matching `pattern`, for a test that provokes them on purpose (`because`
 * is for the reader: say what the test does).
 */
export function allowPageProblems(page: Page, because: string, pattern: RegExp): void {
  if (because.trim() === "") throw new Error("say why the test provokes these problems");
  allowedOnPage.set(page, [...(allowedOnPage.get(page) ?? []), pattern]);
}

const problems: PageProblem[] = [];
const watched = new WeakSet<BrowserContext>();

function consoleProblem(message: ConsoleMessage): PageProblem {
  return {
    kind: "console error",
    text: message.text(),
    url: message.location().url,
    pageUrl: message.page()?.url() ?? "",
  };
}

/** Records the console errors and uncaught exceptions of every page of `context`, now and later. */
export function watchContext(context: BrowserContext): void {
  if (watched.has(context)) return;
  watched.add(context);
  context.on("console", (message) => {
    if (message.type() === "error") record(consoleProblem(message), message.page());
  });
  context.on("weberror", (webError) => {
    const error = webError.error();
    const pageUrl = webError.page()?.url() ?? "";
    record(
      {
        kind: "uncaught exception",
        text: error.stack ?? `${error.name}: ${error.message}`,
        url: pageUrl,
        pageUrl,
      },
      webError.page(),
    );
  });
}

function record(problem: PageProblem, page: Page | null): void {
  if (ALLOWED.some((allowed) => allowed.matches(problem))) return;
  if (page && allowedOnPage.get(page)?.some((pattern) => pattern.test(problem.text))) return;
  problems.push(problem);
}

/** The problems recorded since the last call, which it clears. */
export function takePageProblems(): PageProblem[] {
  return problems.splice(0);
}

/** Throws, listing them, if any page reported a problem since the last check. */
export function assertNoPageProblems(): void {
  const found = takePageProblems();
  if (found.length === 0) return;
  const lines = found.map((p) => `- ${p.kind}${p.url ? ` (${p.url})` : ""}: ${p.text}`);
  throw new Error(`The browser reported ${found.length} problem(s):\n${lines.join("\n")}`);
}
