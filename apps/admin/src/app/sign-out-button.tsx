"use client";
import { signOut } from "next-auth/react";
import { Button } from "@emporium/ui/button";

export function SignOutButton() {
  return (
    <Button
      variant="ghost"
      size="sm"
      className="mt-2 -ml-2"
      onClick={() => void signOut({ callbackUrl: "/signin" })}
    >
      Sign out
    </Button>
  );
}
