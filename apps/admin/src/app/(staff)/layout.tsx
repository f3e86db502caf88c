// Every page under (staff) needs a signed-in staff member; anyone else is sent to the sign-in page.
import type { ReactNode } from "react";
import { requireStaff } from "@/auth/session";
import { AdminNav } from "../admin-nav";
import { SignOutButton } from "../sign-out-button";

const ROLE_LABEL = { owner: "Owner", manager: "Manager", support: "Support" } as const;

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <header className="flex flex-col border-b border-line bg-surface md:w-60 md:border-r md:border-b-0">
        <div className="px-5 py-5">
          <p className="text-lg font-bold tracking-tight">Emporium</p>
          <p className="text-xs text-ink-muted">Merchant admin</p>
        </div>
        <AdminNav
          showStaff={staff.can("staff.read")}
          showReviews={staff.can("reviews.read")}
          showActivity={staff.can("audit.read")}
          showOperations={staff.can("operations.read")}
        />
        <div className="mt-auto border-t border-line px-5 py-4 text-sm" data-testid="signed-in-as">
          <p className="truncate font-medium">{staff.name}</p>
          <p className="truncate text-xs text-ink-muted">
            {staff.email} · {ROLE_LABEL[staff.role]}
          </p>
          <SignOutButton />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-6 py-8 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
