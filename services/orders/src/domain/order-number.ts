// Order numbers shoppers can read out on the phone: a prefix and eight Crockford base-32 characters
// (no I, L, O or U), random so they reveal nothing about volume. A clash is caught by the unique index.
import { randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newOrderNumber(random: (max: number) => number = randomInt): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += ALPHABET[random(ALPHABET.length)];
  return `EM-${s.slice(0, 4)}-${s.slice(4)}`;
}

export const ORDER_NUMBER = /^EM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
