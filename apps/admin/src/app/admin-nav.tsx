"use client";
// The admin's section links; the current section is marked for screen readers and by style.
import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/", label: "Dashboard" },
  { href: "/products", label: "Products" },
  { href: "/orders", label: "Orders" },
  { href: "/customers", label: "Customers" },
  { href: "/staff", label: "Staff", staffOnly: true },
];

/** `showStaff`: the signed-in role may read the staff list (the page itself checks again). */
export function AdminNav({ showStaff }: { showStaff: boolean }) {
  const pathname = usePathname();
  const sections = SECTIONS.filter((s) => !s.staffOnly || showStaff);
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
