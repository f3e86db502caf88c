// What a tRPC backend tells a caller about input that failed its zod schema: one line naming each field
// and what is wrong with it, and the first field on its own so a form can mark it. Shared by every
// backend's error formatter so that all of them describe bad input the same way.
import type { ZodError } from "zod";

type Issue = ZodError["issues"][number];

/** The dotted path of the field an issue is about ("lines.0.quantity"); "" for the input as a whole. */
export function zodIssuePath(issue: Issue): string {
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  return [...issue.path.map(String), ...keys.slice(0, 1)].join(".");
}

function issueText(issue: Issue): string {
  if (issue.code === "unrecognized_keys")
    return `${[...issue.path.map(String), issue.keys.join(", ")].join(".")}: is not a field this procedure accepts`;
  return `${zodIssuePath(issue) || "input"}: ${issue.message}`;
}

/** "Invalid input: email: must be an email address; password: …" (at most five issues) and the first field. */
export function describeZodError(error: ZodError): { message: string; field: string | undefined } {
  const first = error.issues[0];
  return {
    message: `Invalid input: ${error.issues.slice(0, 5).map(issueText).join("; ")}`,
    field: first ? zodIssuePath(first) || undefined : undefined,
  };
}
