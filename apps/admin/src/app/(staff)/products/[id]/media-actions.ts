"use server";
// Product images from the admin. The browser asks here for a signed upload form, sends the file
// straight to storage, then asks here to complete it; the catalog checks the staff member's permission
// and the file itself each time, so these actions only carry the answers (and refusals) back.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/auth/session";
import { refusalOf } from "@/trpc/refusal";
import { catalogAs } from "@/trpc/server";

export type MediaActionResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };

export interface MediaItemState {
  status: "idle" | "done" | "error";
  message: string | null;
}

const uuid = z.uuid();

/** The catalog's refusal as staff should read it ("The file is a PDF document, not an image; …"). */
function refusal(error: unknown): string {
  const { raw: message, field } = refusalOf(error);
  const text = message.replace(/^Invalid input: /, "");
  // File refusals are whole sentences about the file; the field name in front adds nothing.
  const bare = field === "file" || field === "key" ? text.replace(`${field}: `, "") : text;
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

const startInput = z.strictObject({
  productId: uuid,
  fileName: z.string().min(1).max(255),
  contentType: z.string().max(100),
  size: z.number().int().min(0),
});

export async function startMediaUpload(
  input: z.input<typeof startInput>,
): Promise<MediaActionResult<{ key: string; url: string; fields: Record<string, string> }>> {
  const staff = await requireStaff();
  const parsed = startInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Choose an image file to upload" };
  const { contentType, ...rest } = parsed.data;
  if (
    contentType !== "image/jpeg" &&
    contentType !== "image/png" &&
    contentType !== "image/webp" &&
    contentType !== "image/avif"
  )
    return { ok: false, message: "The file is not a JPEG, PNG, WebP or AVIF image" };
  try {
    const form = await catalogAs(staff).media.createUpload.mutate({ ...rest, contentType });
    return { ok: true, key: form.key, url: form.url, fields: form.fields };
  } catch (error) {
    return { ok: false, message: refusal(error) };
  }
}

const completeInput = z.strictObject({
  productId: uuid,
  key: z.string().max(200),
  alt: z.string().max(1000),
});

export async function completeMediaUpload(input: z.input<typeof completeInput>): Promise<MediaActionResult> {
  const staff = await requireStaff();
  const parsed = completeInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "The upload could not be completed; try again" };
  try {
    await catalogAs(staff).media.complete.mutate(parsed.data);
  } catch (error) {
    return { ok: false, message: refusal(error) };
  }
  revalidatePath(`/products/${parsed.data.productId}`);
  return { ok: true };
}

const itemInput = z.object({ productId: uuid, mediaId: uuid });

export async function removeMedia(_prev: MediaItemState, form: FormData): Promise<MediaItemState> {
  const staff = await requireStaff();
  const parsed = itemInput.safeParse({ productId: form.get("productId"), mediaId: form.get("mediaId") });
  if (!parsed.success) return { status: "error", message: "Unknown image" };
  try {
    await catalogAs(staff).media.remove.mutate(parsed.data);
  } catch (error) {
    return { status: "error", message: refusal(error) };
  }
  revalidatePath(`/products/${parsed.data.productId}`);
  return { status: "done", message: "Image removed" };
}

/** Moves one image a place earlier (to the front when it is second): the first is the one shoppers see. */
export async function moveMediaEarlier(_prev: MediaItemState, form: FormData): Promise<MediaItemState> {
  const staff = await requireStaff();
  const parsed = itemInput.safeParse({ productId: form.get("productId"), mediaId: form.get("mediaId") });
  if (!parsed.success) return { status: "error", message: "Unknown image" };
  const { productId, mediaId } = parsed.data;
  try {
    const media = catalogAs(staff).media;
    const ids = (await media.list.query({ productId })).map((m) => m.id);
    const at = ids.indexOf(mediaId);
    if (at > 0) {
      [ids[at - 1], ids[at]] = [mediaId, ids[at - 1] ?? mediaId];
      await media.reorder.mutate({ productId, mediaIds: ids });
    }
  } catch (error) {
    return { status: "error", message: refusal(error) };
  }
  revalidatePath(`/products/${productId}`);
  return { status: "done", message: "Moved" };
}
