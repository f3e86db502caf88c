import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, env, parseEnv } from "./index";

const schema = z.object({
  PORT: env.port(4001),
  DATABASE_URL: env.postgresUrl().optional(),
  DEBUG: env.flag(false),
});

describe("parseEnv", () => {
  it("applies defaults and treats empty strings as unset", () => {
    expect(parseEnv(schema, { PORT: "", DEBUG: "" })).toEqual({ PORT: 4001, DEBUG: false });
  });

  it("names every bad variable", () => {
    try {
      parseEnv(schema, { PORT: "99999", DATABASE_URL: "mysql://x", DEBUG: "maybe" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join("\n");
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL: must be a postgresql/m);
      expect(problems).toMatch(/^DEBUG:/m);
    }
  });
});
