// Confirming from the mailed link: identity's refusal in words for the shopper; confirmed, on to sign in.
import { TRPCClientError } from "@trpc/client";
import { beforeEach, describe, expect, it, vi } from "vitest";

const confirm = vi.fn<(input: { token: string }) => Promise<unknown>>();
const redirect = vi.fn((path: string) => {
  throw new Error(`redirect ${path}`);
});
vi.mock("@/env", () => ({ env: { IDENTITY_URL: "http://identity.test" } }));
vi.mock("next/navigation", () => ({ redirect }));
vi.mock("@emporium/identity/client", () => ({
  createIdentityClient: () => ({ auth: { confirmEmail: { mutate: confirm } } }),
}));

const { confirmEmail } = await import("./actions");

const form = (token: string) => {
  const data = new FormData();
  data.set("token", token);
  return data;
};
const refusal = (message: string) =>
  TRPCClientError.from({ error: { message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400 } } });

describe("confirmEmail", () => {
  beforeEach(() => {
    confirm.mockReset();
    redirect.mockClear();
  });

  it("sends a confirmed shopper to sign in", async () => {
    confirm.mockResolvedValue({ email: "ada@example.com" });
    await expect(confirmEmail({ message: null }, form("t".repeat(43)))).rejects.toThrow(
      "redirect /account/sign-in?confirmed=1",
    );
    expect(confirm).toHaveBeenCalledWith({ token: "t".repeat(43) });
  });

  it("says why a link was refused, without the field name, and a malformed one in plain words", async () => {
    confirm.mockRejectedValue(refusal("token: This confirmation link has expired: sign up again"));
    expect(await confirmEmail({ message: null }, form("x"))).toEqual({
      message: "This confirmation link has expired: sign up again",
    });
    confirm.mockRejectedValue(refusal("token: must be the token from a confirmation link"));
    expect((await confirmEmail({ message: null }, form("x"))).message).toMatch(
      /^This confirmation link is not valid/,
    );
    confirm.mockRejectedValue(new TRPCClientError("fetch failed"));
    expect((await confirmEmail({ message: null }, form("x"))).message).toMatch(
      /cannot be confirmed right now/,
    );
    expect(redirect).not.toHaveBeenCalled();
  });
});
