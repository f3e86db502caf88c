import { describe, expect, it } from "vitest";
import { buildTsQuery, correctedQuery, MAX_TOKENS, tokenize } from "./search-query";

describe("tokenize", () => {
  it("lower-cases, strips accents and punctuation, and drops duplicates", () => {
    expect(tokenize("  Crème  BRÛLÉE mug, mug!! ")).toEqual(["creme", "brulee", "mug"]);
  });

  it("leaves nothing of SQL or tsquery syntax", () => {
    const tokens = tokenize("'; DROP TABLE products; -- & | ! :* (x)");
    expect(tokens).toEqual(["drop", "table", "products", "x"]);
    for (const t of tokens) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it("caps the number of words", () => {
    expect(tokenize("a b c d e f g h i j k")).toHaveLength(MAX_TOKENS);
  });

  it("returns no tokens for a query of symbols only", () => {
    expect(tokenize("!!! ??? ---")).toEqual([]);
  });
});

describe("buildTsQuery", () => {
  it("matches each word as a prefix, OR-ing in its correction", () => {
    expect(
      buildTsQuery([
        { token: "linen", correction: null },
        { token: "hodie", correction: "hoodie" },
      ]),
    ).toBe("linen:* & (hodie:* | hoodie)");
  });

  it("ignores a correction equal to the token", () => {
    expect(buildTsQuery([{ token: "mug", correction: "mug" }])).toBe("mug:*");
  });
});

describe("correctedQuery", () => {
  it("is the corrected text when any word was corrected", () => {
    expect(
      correctedQuery([
        { token: "blue", correction: null },
        { token: "hodie", correction: "hoodie" },
      ]),
    ).toBe("blue hoodie");
  });

  it("is null when nothing changed", () => {
    expect(correctedQuery([{ token: "blue", correction: null }])).toBeNull();
  });
});
