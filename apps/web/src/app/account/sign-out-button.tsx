"use client";
import { signOut } from "next-auth/react";
import { Button } from "@emporium/ui/button";
import { forgetCart } from "./actions";

/**
 * Ends this session and every other copy of it (identity raises the account's session version), and
 * takes the cart off this device — it waits in the account for the next sign-in.
 */
export function SignOutButton() {
  return (
    <Button variant="secondary" onClick={() => void forgetCart().then(() => signOut({ callbackUrl: "/" }))}>
      Sign out
    </Button>
  );
}
