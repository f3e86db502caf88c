// Turning what a shopper typed into something Postgres full-text search can run safely: words only
// (no tsquery operators survive), each matched as a prefix, optionally OR-ed with a spelling correction
// found in the catalog's lexicon.

export const MAX_QUERY_LENGTH = 100;
export const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 32;
/** Words shorter than this are never corrected: too little to go on ("tee" is fine, "te" is not). */
export const MIN_CORRECTABLE_LENGTH = 3;

/** Lower-cased, accent-free words of the query, in order, without duplicates. */
export function tokenize(query: string): string[] {
  const words = query
    .slice(0, MAX_QUERY_LENGTH)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, MAX_TOKEN_LENGTH));
  return [...new Set(words)].slice(0, MAX_TOKENS);
}

export interface SearchTerm {
  token: string;
  /** A lexicon word the token is probably a misspelling of, or null when it is fine as typed. */
  correction: string | null;
}

/**
 * A to_tsquery() expression: every term must match, each either as a prefix of what was typed or as
 * its correction. Tokens contain only letters and digits, so they cannot inject tsquery syntax.
 */
export function buildTsQuery(terms: readonly SearchTerm[]): string {
  return terms
    .map(({ token, correction }) =>
      correction && correction !== token ? `(${token}:* | ${correction})` : `${token}:*`,
    )
    .join(" & ");
}

/** The query with corrections applied, or null when nothing was corrected. */
export function correctedQuery(terms: readonly SearchTerm[]): string | null {
  if (!terms.some((t) => t.correction && t.correction !== t.token)) return null;
  return terms.map((t) => t.correction ?? t.token).join(" ");
}
