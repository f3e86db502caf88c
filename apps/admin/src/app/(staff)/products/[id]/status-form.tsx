"use client";
import { useActionState } from "react";
import { Button } from "@emporium/ui/button";
import { saveStatus, type StatusFormState } from "./actions";

const INITIAL: StatusFormState = { status: "idle", message: null };

export function StatusForm({ productId, published }: { productId: string; published: boolean }) {
  const [state, action, pending] = useActionState(saveStatus, INITIAL);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="status" value={published ? "DRAFT" : "PUBLISHED"} />
      <Button type="submit" variant={published ? "secondary" : "primary"} disabled={pending}>
        {published ? "Unpublish" : "Publish"}
      </Button>
      <p role="status" className={`text-sm ${state.status === "error" ? "text-sale" : "text-success"}`}>
        {state.message}
      </p>
    </form>
  );
}
