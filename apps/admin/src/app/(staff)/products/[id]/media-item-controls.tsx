"use client";
// Per-image controls: move earlier and remove, each a server action whose answer is announced in place.
import { useActionState } from "react";
import { Button } from "@emporium/ui/button";
import { moveMediaEarlier, removeMedia, type MediaItemState } from "./media-actions";

const INITIAL: MediaItemState = { status: "idle", message: null };

export function MediaItemControls(props: {
  productId: string;
  mediaId: string;
  alt: string;
  first: boolean;
}) {
  const [removed, remove, removing] = useActionState(removeMedia, INITIAL);
  const [moved, move, moving] = useActionState(moveMediaEarlier, INITIAL);
  const message = removed.message ?? moved.message;
  const failed = removed.status === "error" || moved.status === "error";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {!props.first && (
        <form action={move}>
          <input type="hidden" name="productId" value={props.productId} />
          <input type="hidden" name="mediaId" value={props.mediaId} />
          <Button
            type="submit"
            size="sm"
            variant="secondary"
            disabled={moving}
            aria-label={`Move earlier: ${props.alt}`}
          >
            Move earlier
          </Button>
        </form>
      )}
      <form action={remove}>
        <input type="hidden" name="productId" value={props.productId} />
        <input type="hidden" name="mediaId" value={props.mediaId} />
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          disabled={removing}
          aria-label={`Remove image: ${props.alt}`}
        >
          {removing ? "Removing…" : "Remove"}
        </Button>
      </form>
      <p role="status" className={`text-xs ${failed ? "text-sale" : "text-success"}`}>
        {message}
      </p>
    </div>
  );
}
