// The embedded dev mailbox, readable by anyone — so it is only there in development (no SMTP_URL, and
// IDENTITY_DEV_MAILBOX or the embedded database): the storefront's /dev/mailbox page and the browser
// tests read the confirmation links from it. Anywhere else every call answers 404.
import { z } from "zod";
import { NotFoundError } from "@emporium/service-kit/errors";
import type { DevMail } from "../../../domain/types";
import { publicProcedure, router } from "../../trpc";
import { email } from "../schemas";

export const NO_DEV_MAILBOX = "There is no dev mailbox here: mail is sent, or nobody may read it";

export const devMailboxRouter = router({
  recent: publicProcedure
    .input(z.strictObject({ to: email.optional() }))
    .query(({ ctx, input }): DevMail[] => {
      const mailbox = ctx.mail.readableMailbox;
      if (!mailbox) throw new NotFoundError(NO_DEV_MAILBOX);
      return mailbox.recent(input.to).map((m) => ({ ...m }));
    }),
});
