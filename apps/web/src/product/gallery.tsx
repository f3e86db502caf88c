"use client";
// Product images as tabs (WAI-ARIA tabs pattern): the thumbnails choose what the large image shows;
// Left/Right/Home/End move between them, and only the selected thumbnail is in the tab order.
import { useId, useRef, type KeyboardEvent } from "react";
import type { ProductDetail } from "@emporium/catalog/client";
import { cn } from "@emporium/ui/cn";

type Media = ProductDetail["media"][number];

export interface GalleryProps {
  media: Media[];
  selected: number;
  onSelect: (index: number) => void;
  title: string;
}

export function Gallery({ media, selected, onSelect, title }: GalleryProps) {
  const id = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = media[selected] ?? media[0];

  if (!current) {
    return (
      <div className="flex aspect-[4/5] items-center justify-center rounded-2xl bg-canvas-muted text-ink-muted">
        No image of {title} yet
      </div>
    );
  }

  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = media.length - 1;
    const targets: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onSelect(target);
    tabs.current[target]?.focus();
  };

  return (
    <div className="flex flex-col gap-4 lg:flex-row-reverse lg:items-start">
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${selected}`}
        className="min-w-0 flex-1 overflow-hidden rounded-2xl bg-canvas-muted"
      >
        <img
          src={current.url}
          alt={current.alt}
          width={current.width}
          height={current.height}
          fetchPriority="high"
          decoding="async"
          className="aspect-[4/5] w-full object-cover"
        />
      </div>
      {media.length > 1 && (
        <div role="tablist" aria-label={`Images of ${title}`} className="flex flex-wrap gap-3 lg:flex-col">
          {media.map((m, index) => {
            const isSelected = index === selected;
            return (
              <button
                key={m.url}
                ref={(node) => {
                  tabs.current[index] = node;
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${index}`}
                aria-selected={isSelected}
                aria-controls={`${id}-panel`}
                tabIndex={isSelected ? 0 : -1}
                onClick={() => onSelect(index)}
                onKeyDown={(event) => move(event, index)}
                className={cn(
                  "w-16 overflow-hidden rounded-lg border-2 bg-canvas-muted sm:w-20",
                  isSelected ? "border-ink" : "border-transparent opacity-80 hover:opacity-100",
                )}
              >
                <img
                  src={m.url}
                  alt={m.alt}
                  width={m.width}
                  height={m.height}
                  loading="lazy"
                  decoding="async"
                  className="aspect-[4/5] w-full object-cover"
                />
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
