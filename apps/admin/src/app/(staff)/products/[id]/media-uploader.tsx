"use client";
// Adding a product image: the browser asks the admin for a signed upload form, sends the file straight
// to storage with it (showing progress), then asks the admin to complete the upload — where the catalog
// looks at the bytes and makes the variants. Obvious mistakes (no file, too big, not an image type)
// are caught here first to save a round trip; every refusal the storage or catalog gives is shown as is.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@emporium/ui/button";
import { completeMediaUpload, startMediaUpload } from "./media-actions";

const ACCEPTED = ["image/jpeg", "image/png", "image/webp", "image/avif"];
const MAX_BYTES = 10 * 1024 * 1024;

type Phase =
  | { step: "idle" }
  | { step: "signing" }
  | { step: "uploading"; percent: number }
  | { step: "checking" }
  | { step: "done"; message: string }
  | { step: "refused"; message: string };

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;

/** What a storage refusal says: S3 answers XML (<Message>), the embedded handler JSON ({ message }). */
function storageMessage(status: number, body: string): string {
  const xml = /<Message>([^<]+)<\/Message>/.exec(body)?.[1];
  let json: string | undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "message" in parsed &&
      typeof parsed.message === "string"
    )
      json = parsed.message;
  } catch {
    json = undefined;
  }
  const said = xml ?? json;
  if (status === 403 && !said) return "The storage refused the upload form; it may have expired — try again";
  return said ? `The storage refused the file: ${said}` : `The storage refused the file (HTTP ${status})`;
}

function send(
  url: string,
  fields: Record<string, string>,
  file: File,
  onProgress: (percent: number) => void,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    body.append("file", file);
    // XMLHttpRequest rather than fetch: it reports upload progress.
    const xhr = new XMLHttpRequest();
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    });
    xhr.addEventListener("load", () =>
      resolve(
        xhr.status >= 200 && xhr.status < 300
          ? { ok: true }
          : { ok: false, message: storageMessage(xhr.status, xhr.responseText) },
      ),
    );
    xhr.addEventListener("error", () =>
      resolve({
        ok: false,
        message: "The upload did not reach the storage; check the connection and try again",
      }),
    );
    xhr.open("POST", url);
    xhr.send(body);
  });
}

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
    if (!(file instanceof File) || file.size === 0) return refuse("Choose an image file to upload");
    if (!alt) return refuse("Describe the image for shoppers who cannot see it (alt text)");
    if (file.size > MAX_BYTES)
      return refuse(`The image is larger than ${megabytes(MAX_BYTES)} (it is ${megabytes(file.size)})`);
    if (!ACCEPTED.includes(file.type)) return refuse(`${file.name} is not a JPEG, PNG, WebP or AVIF image`);

    setPhase({ step: "signing" });
    const form = await startMediaUpload({
      productId,
      fileName: file.name,
      contentType: file.type,
      size: file.size,
    });
    if (!form.ok) return refuse(form.message);
    setPhase({ step: "uploading", percent: 0 });
    const sent = await send(form.url, form.fields, file, (percent) =>
      setPhase({ step: "uploading", percent }),
    );
    if (!sent.ok) return refuse(sent.message);
    setPhase({ step: "checking" });
    const done = await completeMediaUpload({ productId, key: form.key, alt });
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
