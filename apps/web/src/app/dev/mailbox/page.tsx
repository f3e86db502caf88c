// /dev/mailbox — the mails identity kept in its embedded dev mailbox (no SMTP_URL), newest first, so a
// developer and the browser tests can follow the confirmation links. Identity answers 404 wherever
// the dev mailbox is not in use or not readable, and so does this page. Links to the storefront open
// on this one, whatever STOREFRONT_URL says.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCClientError } from "@trpc/client";
import { createIdentityClient } from "@emporium/identity/client";
import { env } from "@/env";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

const identity = createIdentityClient(env.IDENTITY_URL);

/** The text with its URLs as links; a storefront path (/account/…) links on this origin. */
function withLinks(text: string) {
  return text.split(/(https?:\/\/\S+)/).map((part, i) => {
    if (!/^https?:\/\//.test(part)) return part;
    const url = new URL(part);
    const href = url.pathname.startsWith("/account/") ? `${url.pathname}${url.search}` : part;
    return (
      <a key={i} href={href} className="underline">
        {part}
      </a>
    );
  });
}

export default async function DevMailboxPage() {
  let mails;
  try {
    mails = await identity.devMailbox.recent.query({});
  } catch (error) {
    if (error instanceof TRPCClientError && error.data?.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-semibold tracking-tight">Dev mailbox</h1>
      <p className="mt-3 text-ink-muted">
        Mail identity would have sent, kept in its process (set SMTP_URL to send it). Newest first.
      </p>
      {mails.length === 0 && <p className="mt-8">No mail yet.</p>}
      <ol className="mt-8 flex flex-col gap-6">
        {mails.map((mail) => (
          <li
            key={mail.id}
            aria-label={`Mail to ${mail.to}: ${mail.subject}`}
            className="rounded-xl border p-4"
          >
            <p className="text-sm text-ink-muted">
              To {mail.to} · from {mail.from} · <time dateTime={mail.sentAt}>{mail.sentAt}</time>
            </p>
            <h2 className="mt-1 font-semibold">{mail.subject}</h2>
            <pre className="mt-3 whitespace-pre-wrap font-sans text-sm">{withLinks(mail.text)}</pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
