import { describe, expect, it } from "vitest";
import {
  accountExistsMail,
  CONFIRMATION_TOKEN,
  confirmationLink,
  confirmationMail,
  hashConfirmationToken,
  newConfirmationToken,
} from "./confirmation";

describe("confirmation tokens", () => {
  it("are random, in the link's format, and stored only as their SHA-256", () => {
    const a = newConfirmationToken();
    const b = newConfirmationToken();
    expect(a.token).toMatch(CONFIRMATION_TOKEN);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashConfirmationToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).not.toContain(a.token);
  });

  it("lead to the storefront's confirm page, whatever path the storefront URL has", () => {
    expect(confirmationLink("https://shop.example/anything", "abc-_")).toBe(
      "https://shop.example/account/confirm?token=abc-_",
    );
  });

  it("make a mail with the link and how long it works, and a notice that leaks no link", () => {
    const link = confirmationLink("https://shop.example", newConfirmationToken().token);
    const mail = confirmationMail("ada@example.com", "Ada", link, 24 * 3600);
    expect(mail.to).toBe("ada@example.com");
    expect(mail.text).toContain(link);
    expect(mail.text).toContain("24 hours");
    const notice = accountExistsMail("ada@example.com", "https://shop.example");
    expect(notice.text).toContain("https://shop.example/account/sign-in");
    expect(notice.text).not.toContain("/account/confirm");
  });
});
