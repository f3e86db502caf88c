"use client";
// A thin bar at the top of the window while a client-side navigation is on its way.
//
// Why not loading.tsx: a loading boundary makes Next stream the page body behind a skeleton and swap
// it in with an inline script, so browsers without JavaScript would see only the skeleton — and the
// filters, links and forms of this shop are meant to work without JavaScript. Full page loads
// therefore arrive complete; client-side navigations by link get this bar instead (filter and sort
// changes dim the results while they load).
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

function isClientNavigation(event: MouseEvent): boolean {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target || anchor.hasAttribute("download"))
    return false;
  const url = new URL(anchor.href);
  const here = new URL(window.location.href);
  return url.origin === here.origin && (url.pathname !== here.pathname || url.search !== here.search);
}

export function NavigationProgress() {
  const location = `${usePathname()}?${useSearchParams().toString()}`;
  const [pending, setPending] = useState(false);
  const [shownFor, setShownFor] = useState(location);
  // The URL changed: the navigation has arrived.
  if (shownFor !== location) {
    setShownFor(location);
    setPending(false);
  }

  useEffect(() => {
    // Capture phase: next/link cancels the click's default before it would bubble to the document.
    const onClick = (event: MouseEvent) => {
      if (isClientNavigation(event)) setPending(true);
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);

  return (
    <div
      aria-hidden="true"
      className={`pointer-events-none fixed inset-x-0 top-0 z-[60] h-0.5 origin-left bg-brand-600 transition-[transform,opacity] duration-[1500ms] ease-out ${
        pending ? "scale-x-90 opacity-100" : "scale-x-0 opacity-0 duration-200"
      }`}
    />
  );
}
