import { z } from "zod";
import { staffRole } from "../../schemas";

/** role null takes the account off the staff (it stays a shopper's account). */
export const setRoleInput = z.strictObject({
  userId: z.uuid("must be an account id"),
  role: staffRole.nullable(),
});
export type SetRoleInput = z.infer<typeof setRoleInput>;
