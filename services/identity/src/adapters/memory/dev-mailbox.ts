// The embedded mailer for development and the browser tests: nothing leaves the process; the most
// recent mails are kept in memory so a developer (the storefront's /dev/mailbox page) or a test can
// read them and follow their links, and each is logged. Never used when SMTP_URL is set.
import { randomUUID } from "node:crypto";
import type { Logger } from "@emporium/observability";
import type { Mail, Mailer, ReadableMailbox, ReceivedMail } from "../../ports/mailer";

/** How many mails the dev mailbox keeps; older ones are dropped. */
export const DEV_MAILBOX_SIZE = 200;

export class DevMailbox implements Mailer, ReadableMailbox {
  private readonly mails: ReceivedMail[] = [];

  constructor(
    private readonly from: string,
    private readonly log?: Logger,
  ) {}

  async send(mail: Mail): Promise<void> {
    const received = { ...mail, id: randomUUID(), from: this.from, sentAt: new Date().toISOString() };
    this.mails.unshift(received);
    this.mails.length = Math.min(this.mails.length, DEV_MAILBOX_SIZE);
    this.log?.info({ to: mail.to, subject: mail.subject }, "mail kept in the dev mailbox (/dev/mailbox)");
  }

  /** The mails kept, newest first; only those to `to` when given. */
  recent(to?: string): ReceivedMail[] {
    return this.mails.filter((m) => to === undefined || m.to === to);
  }

  async close(): Promise<void> {}
}
