// Mail through an SMTP server with nodemailer: a pooled transport from SMTP_URL
// (smtp://user:pass@host:587 with STARTTLS when the server offers it, smtps:// for TLS from the start),
// with timeouts so a server that does not answer fails the send instead of holding the request.
import { createTransport, type Transporter } from "nodemailer";
import type { Mail, Mailer } from "../../ports/mailer";
import { MailNotSentError } from "../../ports/mailer";

export interface SmtpMailerOptions {
  /** smtp:// or smtps:// URL, with credentials when the server wants them. */
  url: string;
  /** The From address, e.g. `Emporium <no-reply@shop.example>`. */
  from: string;
  /** How long to wait for the connection, the greeting and each command (ms). */
  timeoutMs?: number;
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailerOptions) {
    const timeout = options.timeoutMs ?? 10_000;
    this.transport = createTransport({
      url: options.url,
      pool: true,
      maxConnections: 2,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(mail: Mail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    } catch (err) {
      throw new MailNotSentError(`mail to ${mail.to} was not sent: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
