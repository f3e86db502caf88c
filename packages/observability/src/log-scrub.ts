// The last check before a log line leaves the process for the log store. The logger already redacts
// secrets by key (password, token, authorization, cookie, secret); this catches what key rules cannot:
// a secret-named field deeper than they reach, and a secret written into message text — a card number,
// a payment token, a bearer token or JWT, a "password=…" pair. Whatever it finds is replaced, never sent.

export const SCRUBBED = "[redacted]";

/** Field names whose values are never shipped, whatever their depth. */
const SECRET_KEY =
  /^(password|passwd|pass|secret|token|access_?token|refresh_?token|id_?token|authorization|cookie|set-cookie|api_?key|card_?number|pan|cvc|cvv|payment_?token|client_?secret)$/i;

/** 13–19 digits, optionally grouped by single spaces or dashes: the shapes a card number is written in. */
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;
const TEXT_SECRETS: [RegExp, string][] = [
  // A payment provider's card token (tok_…, pm_…), as the PSP simulator and real providers hand them out.
  [/\b(tok|pm|card)_[A-Za-z0-9]{8,}\b/g, `$1_${SCRUBBED}`],
  [/\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi, `Bearer ${SCRUBBED}`],
  // A JSON Web Token: three base64url parts, the first a JSON header ({" → eyJ).
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, SCRUBBED],
  [
    /\b(password|passwd|secret|token|api[_-]?key|cvc|cvv)(\s*["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
    `$1$2${SCRUBBED}`,
  ],
];

/** The Luhn check every payment card number passes (and most other long digit runs do not). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The text with every card number, payment token, bearer token, JWT and password-like pair replaced. */
export function scrubText(text: string): string {
  let out = text.replace(CARD_CANDIDATE, (run) => {
    const digits = run.replace(/[ -]/g, "");
    return luhnValid(digits) ? "[card redacted]" : run;
  });
  for (const [pattern, replacement] of TEXT_SECRETS) out = out.replace(pattern, replacement);
  return out;
}

/** A copy of a parsed log line with secret-named fields replaced and every string scrubbed. */
export function scrubValue(value: unknown): unknown {
  if (typeof value === "string") return scrubText(value);
  if (Array.isArray(value)) return value.map(scrubValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && v !== null && v !== undefined ? SCRUBBED : scrubValue(v);
    }
    return out;
  }
  return value;
}
