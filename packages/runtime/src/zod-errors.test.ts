import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeZodError } from "./zod-errors";

const schema = z.strictObject({
  email: z.email("must be an email address"),
  lines: z.array(z.strictObject({ quantity: z.number().int().min(1, "must be at least 1") })),
});

function refusal(input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return describeZodError(parsed.error);
}

describe("describeZodError", () => {
  it("names the first bad field and says what is wrong with each", () => {
    const d = refusal({ email: "nope", lines: [{ quantity: 0 }] });
    expect(d.field).toBe("email");
    expect(d.message).toBe(
      "Invalid input: email: must be an email address; lines.0.quantity: must be at least 1",
    );
  });

  it("names a field the procedure does not accept", () => {
    const d = refusal({ email: "a@example.com", lines: [], admin: true });
    expect(d.field).toBe("admin");
    expect(d.message).toBe("Invalid input: admin: is not a field this procedure accepts");
  });

  it("speaks of the input as a whole when it is not an object", () => {
    const d = refusal("hello");
    expect(d.field).toBeUndefined();
    expect(d.message).toMatch(/^Invalid input: input: /);
  });
});
