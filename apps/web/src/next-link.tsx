// next/link for the shared UI components, which take their link element as a prop.
import Link from "next/link";
import type { LinkProps } from "@emporium/ui/link";

export function NextLink({ href, ...props }: LinkProps) {
  return <Link href={href} {...props} />;
}
