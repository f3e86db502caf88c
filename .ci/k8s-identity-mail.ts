// Identity's mail in a rendered Kubernetes target (services/identity/src/env.ts, mailEnvShape): the links
// in sign-up mails lead to STOREFRONT_URL, which must be the storefront's own public address (web's
// SITE_URL), never identity's localhost default; an overlay sends mail through SMTP_URL or, in previews,
// keeps it in the readable dev mailbox — without either, every confirmation mail is lost and no shopper
// can finish signing up. Prod sends real mail: SMTP_URL from the operator's Secret (it carries the relay's
// credentials), a MAIL_FROM of the shop's own, and no dev mailbox.
import { deploymentContainer, envSource } from "./k8s-env.ts";
import type { Obj } from "./yaml-access.ts";

const TRUE = ["1", "true", "yes"];

/** What is wrong with identity's mail settings in a render of `target` ("base", "overlays/dev", …). */
export function identityMailProblems(target: string, objects: Obj[]): string[] {
  const identity = deploymentContainer(objects, "identity");
  if (!identity) return [];
  const problems: string[] = [];
  const web = deploymentContainer(objects, "web");
  const site = web ? envSource(objects, web, "SITE_URL").value : undefined;
  const storefront = envSource(objects, identity, "STOREFRONT_URL").value;
  if (!storefront)
    problems.push("identity: STOREFRONT_URL must be set (the links in sign-up mails lead there)");
  else if (site && storefront !== site)
    problems.push(
      `identity: STOREFRONT_URL ${storefront} is not the storefront's SITE_URL ${site}: mailed links would lead elsewhere`,
    );
  const smtp = envSource(objects, identity, "SMTP_URL");
  const devMailbox = TRUE.includes(envSource(objects, identity, "IDENTITY_DEV_MAILBOX").value ?? "");
  if (smtp.value !== undefined)
    problems.push("identity: SMTP_URL must come from a Secret (it carries the relay's credentials)");
  if (target.startsWith("overlays/") && !smtp.secret && !devMailbox)
    problems.push(
      "identity: neither SMTP_URL nor IDENTITY_DEV_MAILBOX is set: every sign-up mail would be lost",
    );
  if (target === "overlays/prod") {
    if (!smtp.secret) problems.push("identity: SMTP_URL must come from the operator's Secret in prod");
    if (devMailbox) problems.push("identity: IDENTITY_DEV_MAILBOX must not be set in prod");
    if (!envSource(objects, identity, "MAIL_FROM").value)
      problems.push("identity: MAIL_FROM must name the shop's own sender in prod");
  }
  return problems;
}
