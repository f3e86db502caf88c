"use client";
// The admin's section links; the current section is marked for screen readers and by style.
import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/", label: "Dashboard" },
  { href: "/products", label: "Products" },
  { href: "/orders", label: "Orders" },
  { href: "/customers", label: "Customers" },
  { href: "/reviews", label: "Reviews", needs: "reviews" },
  { href: "/staff", label: "Staff", needs: "staff" },
  { href: "/activity", label: "Activity", needs: "activity" },
  { href: "/operations", label: "Operations", needs: "operations" },
] as const satisfies readonly {
  href: string;
  label: string;
  needs?: "reviews" | "staff" | "activity" | "operations";
}[];

/**
 * `showStaff`: the signed-in role may read the staff list; `showReviews`: the review moderation queue;
 * `showActivity`: the staff audit log (owners); `showOperations`: the operations console. The pages
 * themselves check again.
 */
export function AdminNav({
  showStaff,
  showReviews,
  showActivity,
  showOperations,
}: {
  showStaff: boolean;
  showReviews: boolean;
  showActivity: boolean;
  showOperations: boolean;
}) {
  const pathname = usePathname();
  const allowed = {
    staff: showStaff,
    reviews: showReviews,
    activity: showActivity,
    operations: showOperations,
  };
  const sections = SECTIONS.filter((s) => !("needs" in s) || allowed[s.needs]);
  return (
    <nav aria-label="Admin">
      <ul className="flex gap-1 px-3 pb-3 md:flex-col">
        {sections.map((section) => {
          const current = section.href === "/" ? pathname === "/" : pathname.startsWith(section.href);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className="block rounded-lg px-3 py-2 text-sm font-medium text-ink hover:bg-canvas-muted aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
