// Sessions as the apps check them. The caller is the signed-in user named by the service token (never
// an id in the input), so nobody can read or end another account's sessions.
import { UnauthenticatedError } from "@emporium/auth";
import type { SessionState } from "../../../domain/types";
import type { Context } from "../../trpc";

async function signedInUserId(ctx: Context): Promise<string> {
  const principal = await ctx.principal();
  if (principal.kind === "anonymous") throw new UnauthenticatedError();
  return principal.userId;
}

/** The account's current role and session version; 401 when the account is gone. */
export async function session(ctx: Context): Promise<SessionState> {
  const user = await ctx.users.byId(await signedInUserId(ctx));
  if (!user) throw new UnauthenticatedError("This account no longer exists");
  return { role: user.role, sessionVersion: user.sessionVersion };
}

/** Ends every session of the account (sign-out): sessions issued before now stop being accepted. */
export async function endSessions(ctx: Context): Promise<{ ended: true }> {
  const userId = await signedInUserId(ctx);
  if (!(await ctx.users.endSessions(userId))) throw new UnauthenticatedError("This account no longer exists");
  ctx.log.info({ userId }, "sessions ended");
  return { ended: true };
}
