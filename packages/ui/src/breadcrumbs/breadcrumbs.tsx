// The trail from the home page to the current page, following the WAI-ARIA breadcrumb pattern: a
// labelled nav, an ordered list, and aria-current on the last link. Separators are decoration.
import { cn } from "../cn";
import { PlainLink, type LinkComponent } from "../link";

export interface Crumb {
  label: string;
  href: string;
}

export interface BreadcrumbsProps {
  items: Crumb[];
  LinkComponent?: LinkComponent;
  className?: string;
}

export function Breadcrumbs({ items, LinkComponent = PlainLink, className }: BreadcrumbsProps) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className={cn("text-sm text-ink-muted", className)}>
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {items.map((item, index) => {
          const current = index === items.length - 1;
          return (
            <li key={item.href} className="flex items-center gap-2">
              {index > 0 && (
                <span aria-hidden="true" className="text-line-strong">
                  /
                </span>
              )}
              <LinkComponent
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "rounded-sm underline-offset-4 hover:underline",
                  current && "font-medium text-ink",
                )}
              >
                {item.label}
              </LinkComponent>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
