// Prices typed by staff ("24.90", "1,299") into minor units, exactly: no floating point on the way.
import { currencyExponent } from "@emporium/ui/money";

export type ParsedAmount = { ok: true; minor: number } | { ok: false; message: string };

export function parseAmount(text: string, currency: string): ParsedAmount {
  const exponent = currencyExponent(currency);
  const cleaned = text.trim().replace(/,/g, "");
  const pattern = exponent > 0 ? new RegExp(`^(\\d{1,9})(?:\\.(\\d{1,${exponent}}))?$`) : /^(\d{1,9})()$/;
  const match = pattern.exec(cleaned);
  if (!match)
    return {
      ok: false,
      message:
        exponent > 0
          ? `Enter an amount such as 24.90 (at most ${exponent} decimal places)`
          : "Enter a whole amount such as 2490",
    };
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? "").padEnd(exponent, "0") || "0");
  return { ok: true, minor: whole * 10 ** exponent + fraction };
}
