// The Mailer contract, run against each adapter: the SMTP adapter (nodemailer) through a real SMTP
// server — GreenMail in CI (TEST_SMTP_URL, its mail read back through its REST API at
// TEST_SMTP_API_URL) — and the embedded dev mailbox, which must behave the same for what identity sends.
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { realServer } from "@emporium/testkit";
import { DevMailbox } from "../src/adapters/memory/dev-mailbox";
import { SmtpMailer } from "../src/adapters/smtp/smtp-mailer";
import { confirmationLink, confirmationMail, newConfirmationToken } from "../src/domain/confirmation";
import { MailNotSentError, type Mail, type Mailer } from "../src/ports/mailer";
import { uniqueEmail } from "./fixture";

const FROM = "Emporium <no-reply@shop.test>";
const smtp = realServer("TEST_SMTP_URL", "identity's SMTP mailer against a real SMTP server");

interface Delivered {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** A message's body as sent, decoded from its transfer encoding. */
function bodyOf(mime: string): string {
  const split = mime.indexOf("\r\n\r\n");
  const headers = mime.slice(0, split);
  const body = mime.slice(split + 4);
  const encoding = /^Content-Transfer-Encoding: *(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body, "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const unwrapped = body.replace(/=\r\n/g, "");
    const bytes: number[] = [];
    for (let i = 0; i < unwrapped.length; i++) {
      const hex = unwrapped[i] === "=" ? /^[0-9A-F]{2}/i.exec(unwrapped.slice(i + 1)) : null;
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2;
      } else bytes.push(...Buffer.from(unwrapped[i] ?? "", "utf8"));
    }
    return Buffer.from(bytes).toString("utf8").replace(/\r\n/g, "\n");
  }
  return body.replace(/\r\n/g, "\n");
}

/** GreenMail's REST API: the mails in `to`'s inbox, oldest first. */
async function greenMailInbox(apiUrl: string, to: string): Promise<Delivered[]> {
  const response = await fetch(`${apiUrl}/api/user/${encodeURIComponent(to)}/messages/INBOX`);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`GreenMail answered ${response.status}`);
  const messages = (await response.json()) as { subject: string; mimeMessage: string }[];
  return messages.map((m) => ({
    from: /^From: *(.+)$/im.exec(m.mimeMessage)?.[1]?.trim() ?? "",
    to: /^To: *(.+)$/im.exec(m.mimeMessage)?.[1]?.trim() ?? "",
    subject: m.subject,
    text: bodyOf(m.mimeMessage),
  }));
}

interface Adapter {
  name: string;
  available: boolean;
  make(): Mailer;
  /** Every mail delivered to `to`, oldest first. */
  inbox(mailer: Mailer, to: string): Promise<Delivered[]>;
}

const adapters: Adapter[] = [
  {
    name: "the dev mailbox",
    available: true,
    make: () => new DevMailbox(FROM),
    inbox: async (mailer, to) =>
      (mailer as DevMailbox)
        .recent(to)
        .reverse()
        .map(({ from, to: recipient, subject, text }) => ({ from, to: recipient, subject, text })),
  },
  {
    name: "SMTP (nodemailer) on a real server",
    available: smtp.available,
    make: () => new SmtpMailer({ url: smtp.url ?? "", from: FROM }),
    inbox: (_mailer, to) => greenMailInbox(process.env.TEST_SMTP_API_URL ?? "http://127.0.0.1:8025", to),
  },
];

describe.each(adapters)("the Mailer contract: $name", (adapter) => {
  const opened: Mailer[] = [];
  const make = () => {
    const mailer = adapter.make();
    opened.push(mailer);
    return mailer;
  };
  afterAll(async () => {
    for (const mailer of opened) await mailer.close();
  });

  it.runIf(adapter.available)(
    "delivers a confirmation mail as written: sender, recipient, subject, text",
    async () => {
      const mailer = make();
      const to = uniqueEmail("zoë").replace("ë", "e");
      const link = confirmationLink("https://shop.test", newConfirmationToken().token);
      const mail: Mail = confirmationMail(to, "Zoë Ångström", link, 24 * 3600);
      await mailer.send(mail);
      const delivered = await adapter.inbox(mailer, to);
      expect(delivered).toHaveLength(1);
      expect(delivered[0]).toMatchObject({ from: FROM, to, subject: mail.subject });
      expect(delivered[0]?.text.trimEnd()).toBe(mail.text);
      expect(delivered[0]?.text).toContain(link);
    },
  );

  it.runIf(adapter.available)("keeps each recipient's mail apart, in the order sent", async () => {
    const mailer = make();
    const [a, b] = [uniqueEmail("a"), uniqueEmail("b")];
    await mailer.send({ to: a, subject: "first for a", text: "1" });
    await mailer.send({ to: b, subject: "only for b", text: "2" });
    await mailer.send({ to: a, subject: "second for a", text: "3" });
    expect((await adapter.inbox(mailer, a)).map((m) => m.subject)).toEqual(["first for a", "second for a"]);
    expect((await adapter.inbox(mailer, b)).map((m) => m.subject)).toEqual(["only for b"]);
  });
});

describe("the SMTP mailer when no server answers", () => {
  it("fails the send with MailNotSentError instead of hanging", async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const mailer = new SmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 2_000 });
    try {
      await expect(mailer.send({ to: "x@example.com", subject: "s", text: "t" })).rejects.toBeInstanceOf(
        MailNotSentError,
      );
    } finally {
      await mailer.close();
    }
  });
});
