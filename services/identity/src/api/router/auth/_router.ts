// Sign-in, sign-up and confirming an address are public (the apps' servers call them while a person
// signs in or up); session
// and endSessions act on the signed-in user named by the service token.
import { publicProcedure, router } from "../../trpc";
import { endSessions, session } from "./session";
import { signIn } from "./signIn";
import { signInWithOidc } from "./signInWithOidc";
import { signInInput, signInWithOidcInput } from "./signIn.schema";
import { confirmEmail } from "./confirmEmail";
import { signUp } from "./signUp";
import { confirmEmailInput, signUpInput } from "./signUp.schema";

export const authRouter = router({
  signIn: publicProcedure.input(signInInput).mutation(({ ctx, input }) => signIn(ctx, input)),
  signInWithOidc: publicProcedure
    .input(signInWithOidcInput)
    .mutation(({ ctx, input }) => signInWithOidc(ctx, input)),
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx, input)),
  confirmEmail: publicProcedure
    .input(confirmEmailInput)
    .mutation(({ ctx, input }) => confirmEmail(ctx, input)),
  session: publicProcedure.query(({ ctx }) => session(ctx)),
  endSessions: publicProcedure.mutation(({ ctx }) => endSessions(ctx)),
});
