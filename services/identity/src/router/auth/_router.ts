// Public procedures: the apps' servers call them while a person signs in or up.
import { procedure, router } from "../../trpc";
import { signInHandler } from "./signIn.handler";
import { signInInput } from "./signIn.schema";
import { signUpHandler } from "./signUp.handler";
import { signUpInput } from "./signUp.schema";

export const authRouter = router({
  signIn: procedure.input(signInInput).mutation(({ ctx, input }) => signInHandler(ctx, input)),
  signUp: procedure.input(signUpInput).mutation(({ ctx, input }) => signUpHandler(ctx, input)),
});
