// Components that render links take the link element as a prop, so this package stays framework-free
// while apps hand in next/link (client-side navigation, prefetching).
import type { AnchorHTMLAttributes, ComponentType } from "react";

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
}

export type LinkComponent = ComponentType<LinkProps>;

export function PlainLink(props: LinkProps) {
  return <a {...props} />;
}
