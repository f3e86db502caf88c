// The product's images in the order shoppers see them, with alt text and size; staff who may change the
// product also get per-image controls and the uploader. Others are told who can.
import type { Staff } from "@/auth/session";
import { catalogAs } from "@/trpc/server";
import { MediaItemControls } from "./media-item-controls";
import { MediaUploader } from "./media-uploader";

export async function MediaPanel({ productId, staff }: { productId: string; staff: Staff }) {
  const media = await catalogAs(staff).media.list.query({ productId });
  const canWrite = staff.can("catalog.products.write");
  return (
    <section aria-labelledby="media-heading" className="mt-10">
      <h2 id="media-heading" className="text-lg font-semibold">
        Media
      </h2>
      {!canWrite && (
        <p className="mt-1 text-sm text-ink-muted">
          Your role can view images; managers and owners add, order and remove them.
        </p>
      )}
      {media.length === 0 ? (
        <p className="mt-4 text-sm text-ink-muted">This product has no images yet.</p>
      ) : (
        <ol aria-label="Product images" className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {media.map((m, index) => (
            <li key={m.id} className="flex flex-col gap-2 rounded-2xl border border-line bg-surface p-3">
              <img
                src={m.url}
                alt={m.alt}
                width={m.width}
                height={m.height}
                loading="lazy"
                className="aspect-[4/5] w-full rounded-xl bg-canvas-muted object-cover"
              />
              <p className="text-sm">{m.alt}</p>
              <p className="text-xs text-ink-muted">
                {index === 0 ? "Main image · " : ""}
                {m.width} × {m.height}
              </p>
              {canWrite && (
                <MediaItemControls productId={productId} mediaId={m.id} alt={m.alt} first={index === 0} />
              )}
            </li>
          ))}
        </ol>
      )}
      {canWrite && <MediaUploader productId={productId} />}
    </section>
  );
}
