// Sign-in and sign-up are public (the apps' servers call them while a person signs in or up); session
// and endSessions act on the signed-in user named by the service token.
import { publicProcedure, router } from "../../trpc";
import { endSessionsHandler, sessionHandler } from "./session.handler";
import { signInHandler } from "./signIn.handler";
import { signInWithOidcHandler } from "./signInWithOidc.handler";
import { signInInput, signInWithOidcInput } from "./signIn.schema";
import { signUpHandler } from "./signUp.handler";
import { signUpInput } from "./signUp.schema";

export const authRouter = router({
  signIn: publicProcedure.input(signInInput).mutation(({ ctx, input }) => signInHandler(ctx, input)),
  signInWithOidc: publicProcedure
    .input(signInWithOidcInput)
    .mutation(({ ctx, input }) => signInWithOidcHandler(ctx, input)),
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUpHandler(ctx, input)),
  session: publicProcedure.query(({ ctx }) => sessionHandler(ctx)),
  endSessions: publicProcedure.mutation(({ ctx }) => endSessionsHandler(ctx)),
});
