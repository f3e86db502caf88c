"use client";
// Adding a product image on its page (media-upload.ts does the work), with its progress; every refusal
// the storage or catalog gives is shown as is.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@emporium/ui/button";
import { ACCEPTED, MAX_BYTES, imageProblem, megabytes, uploadProductImage } from "./media-upload";

type Phase =
  | { step: "idle" }
  | { step: "signing" }
  | { step: "uploading"; percent: number }
  | { step: "checking" }
  | { step: "done"; message: string }
  | { step: "refused"; message: string };

export function MediaUploader({ productId }: { productId: string }) {
  const router = useRouter();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const busy = phase.step === "signing" || phase.step === "uploading" || phase.step === "checking";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const alt = String(data.get("alt") ?? "").trim();
    const refuse = (message: string) => setPhase({ step: "refused", message });
    const problem = imageProblem(file, alt);
    if (problem || !(file instanceof File)) return refuse(problem ?? "Choose an image file to upload");
    const done = await uploadProductImage(productId, file, alt, (step, percent = 0) =>
      setPhase(step === "uploading" ? { step, percent } : { step }),
    );
    if (!done.ok) return refuse(done.message);
    formRef.current?.reset();
    setPhase({ step: "done", message: "Image added" });
    router.refresh();
  }

  const status =
    phase.step === "signing"
      ? "Preparing the upload…"
      : phase.step === "uploading"
        ? `Uploading… ${phase.percent}%`
        : phase.step === "checking"
          ? "Checking the image and making its sizes…"
          : phase.step === "done" || phase.step === "refused"
            ? phase.message
            : null;

  return (
    <form
      ref={formRef}
      onSubmit={(e) => void submit(e)}
      aria-label="Add an image"
      className="mt-4 flex flex-wrap items-end gap-4 rounded-2xl border border-line bg-surface p-4"
    >
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${id}-file`} className="font-medium">
          Image file
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept={ACCEPTED.join(",")}
          aria-describedby={`${id}-hint`}
          className="text-sm"
        />
        <span id={`${id}-hint`} className="text-xs text-ink-muted">
          JPEG, PNG, WebP or AVIF, up to {megabytes(MAX_BYTES)}, at least 200 pixels on each side
        </span>
      </div>
      <div className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
        <label htmlFor={`${id}-alt`} className="font-medium">
          Alt text
        </label>
        <input
          id={`${id}-alt`}
          name="alt"
          maxLength={300}
          placeholder="What the image shows, for shoppers who cannot see it"
          className="rounded-lg border border-line-strong bg-surface px-3 py-2"
        />
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? "Uploading…" : "Upload image"}
      </Button>
      <div className="basis-full">
        {phase.step === "uploading" && (
          <progress value={phase.percent} max={100} aria-label="Upload progress" className="w-full" />
        )}
        <p
          role="status"
          data-testid="media-upload-status"
          className={`text-sm ${phase.step === "refused" ? "text-sale" : phase.step === "done" ? "text-success" : "text-ink-muted"}`}
        >
          {status}
        </p>
      </div>
    </form>
  );
}
