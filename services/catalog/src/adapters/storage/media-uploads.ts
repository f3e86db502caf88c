// How browsers upload product images, chosen like the media store itself: presigned POST straight to
// the bucket when media lives on S3; otherwise forms signed with a local secret, received by the
// catalog's own POST /uploads handler, which writes into the media folder.
import { loadOrCreateDevSecret } from "@emporium/auth";
import {
  createLocalUploadHandler,
  createUploadTarget,
  type ObjectStore,
  type S3ObjectStoreOptions,
  type UploadTarget,
} from "@emporium/storage";
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_IMAGE_BYTES } from "../../domain/media-rules";

export interface MediaUploadsConfig {
  /** The media store's S3 options, when media lives on S3. */
  s3?: S3ObjectStoreOptions | undefined;
  /** The S3 address browsers reach, when it differs from the endpoint the catalog uses. */
  s3PublicEndpoint?: string | undefined;
  /** The media store (the local folder, when `s3` is not given). */
  media: ObjectStore;
  /** Where browsers POST signed forms: "/uploads" on a site that forwards it here, or an absolute URL. */
  url: string;
  secret: Uint8Array;
}

export interface MediaUploads {
  uploads: UploadTarget;
  uploadHandler?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export function createMediaUploads(c: MediaUploadsConfig): MediaUploads {
  if (c.s3)
    return { uploads: createUploadTarget({ s3: { ...c.s3, publicEndpoint: c.s3PublicEndpoint }, local: c }) };
  return {
    uploads: createUploadTarget({ local: { url: c.url, secret: c.secret } }),
    uploadHandler: createLocalUploadHandler({
      store: c.media,
      secret: c.secret,
      maxBodyBytes: MAX_IMAGE_BYTES,
    }),
  };
}

/**
 * The key that signs embedded upload forms: MEDIA_UPLOAD_SECRET when set, otherwise a random one made
 * once under the data folder (only this process signs and verifies them, so nothing else must share it).
 */
export function mediaUploadSecret(secret: string | undefined, dataDir: string): Uint8Array {
  return secret ? Buffer.from(secret) : loadOrCreateDevSecret(dataDir, "media-uploads");
}
