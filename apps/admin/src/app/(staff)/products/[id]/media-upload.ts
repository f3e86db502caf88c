// Putting one image on a product from the browser: the admin signs an upload form, the file goes
// straight to storage with it (progress reported), then the admin completes it — where the catalog
// looks at the bytes and makes the sizes. Obvious mistakes (no file, too big, not an image type) are
// caught first to save a round trip. The product page's uploader and the create page both use it.
import { completeMediaUpload, startMediaUpload } from "./media-actions";

export const ACCEPTED = ["image/jpeg", "image/png", "image/webp", "image/avif"];
export const MAX_BYTES = 10 * 1024 * 1024;

export const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;

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

export type UploadStep = "signing" | "uploading" | "checking";

/** Obvious problems with a chosen file and its alt text, before anything is sent; null when none. */
export function imageProblem(file: unknown, alt: string): string | null {
  if (!(file instanceof File) || file.size === 0) return "Choose an image file to upload";
  if (!alt) return "Describe the image for shoppers who cannot see it (alt text)";
  if (file.size > MAX_BYTES)
    return `The image is larger than ${megabytes(MAX_BYTES)} (it is ${megabytes(file.size)})`;
  if (!ACCEPTED.includes(file.type)) return `${file.name} is not a JPEG, PNG, WebP or AVIF image`;
  return null;
}

/** Uploads `file` to the product; `onStep` hears each step (and the upload's percent). */
export async function uploadProductImage(
  productId: string,
  file: File,
  alt: string,
  onStep: (step: UploadStep, percent?: number) => void,
): Promise<{ ok: true } | { ok: false; message: string }> {
  onStep("signing");
  const form = await startMediaUpload({
    productId,
    fileName: file.name,
    contentType: file.type,
    size: file.size,
  });
  if (!form.ok) return form;
  onStep("uploading", 0);
  const sent = await send(form.url, form.fields, file, (percent) => onStep("uploading", percent));
  if (!sent.ok) return sent;
  onStep("checking");
  return completeMediaUpload({ productId, key: form.key, alt });
}
