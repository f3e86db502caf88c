import { z } from "zod";
import { email, name, staffRole } from "../../schemas";

export const inviteInput = z.strictObject({ email, name, role: staffRole });
export type InviteInput = z.infer<typeof inviteInput>;
