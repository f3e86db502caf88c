import { describe, expect, it } from "vitest";
import { appCookies } from "./next-auth";

describe("appCookies", () => {
  it("names each app's cookies apart, so one host can hold both apps' sessions", () => {
    const shop = appCookies("shop", "http://localhost:3000");
    const admin = appCookies("admin", "http://localhost:3001");
    expect(shop?.sessionToken?.name).toBe("emporium-shop.session-token");
    expect(admin?.sessionToken?.name).toBe("emporium-admin.session-token");
    const names = (c: typeof shop) => Object.values(c ?? {}).map((cookie) => cookie.name);
    expect(names(shop).filter((n) => names(admin).includes(n))).toEqual([]);
    expect(shop?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
  });

  it("makes them Secure over HTTPS, host-only (__Host-) where only the app reads them", () => {
    const shop = appCookies("shop", "https://shop.example");
    expect(shop?.sessionToken).toMatchObject({
      name: "__Host-emporium-shop.session-token",
      options: { secure: true, path: "/" },
    });
    expect(shop?.csrfToken?.name).toBe("__Host-emporium-shop.csrf-token");
    expect(shop?.state?.name).toBe("__Secure-emporium-shop.state");
    expect(Object.values(shop ?? {}).every((cookie) => cookie.options.secure === true)).toBe(true);
  });
});
