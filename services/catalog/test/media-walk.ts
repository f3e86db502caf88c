// The media procedures' entries for the authorization walk: each call is valid for an allowed caller,
// so a refusal can only come from the permission check. Calls that consume something (a staged upload,
// an image to remove) make it first as a manager.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS, type GuardedProcedure } from "@emporium/auth/testing";
import type { CatalogFixture } from "./fixture";

type Caller = ReturnType<CatalogFixture["callerAs"]>;

/** A small picture put where an upload lands, as if a browser had sent it; returns its staging key. */
export async function stageImage(f: CatalogFixture): Promise<string> {
  const key = `uploads/${randomUUID()}`;
  const png = await sharp({ create: { width: 240, height: 240, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();
  await f.mediaObjects.put(key, png, "image/png");
  return key;
}

export function mediaWalk(f: CatalogFixture, productId: string): Record<string, GuardedProcedure<Caller>> {
  const manager = () => f.callerAs(TEST_PRINCIPALS.manager as Principal);
  const stage = () => stageImage(f);
  const ids = async () => (await manager().admin.media.list({ productId })).map((m) => m.id);
  return {
    "admin.media.list": {
      permission: "catalog.products.read",
      call: (c) => c.admin.media.list({ productId }),
    },
    "admin.media.createUpload": {
      permission: "catalog.products.write",
      call: (c) =>
        c.admin.media.createUpload({ productId, fileName: "walk.png", contentType: "image/png", size: 1000 }),
    },
    "admin.media.complete": {
      permission: "catalog.products.write",
      call: async (c) => c.admin.media.complete({ productId, key: await stage(), alt: "Walk" }),
    },
    "admin.media.remove": {
      permission: "catalog.products.write",
      call: async (c) => {
        const added = await manager().admin.media.complete({ productId, key: await stage(), alt: "Walk" });
        return c.admin.media.remove({ productId, mediaId: added.id });
      },
    },
    "admin.media.reorder": {
      permission: "catalog.products.write",
      call: async (c) => c.admin.media.reorder({ productId, mediaIds: (await ids()).reverse() }),
    },
    "admin.media.setAlt": {
      permission: "catalog.products.write",
      call: async (c) => {
        const [first] = await ids();
        if (!first) throw new Error("the walk's product needs an image");
        return c.admin.media.setAlt({ productId, mediaId: first, alt: "Walked alt text" });
      },
    },
  };
}
