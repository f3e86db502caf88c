// Where review photos are kept and how they are uploaded, from the shared storage package exactly as the
// catalog's product images are: an S3 bucket with presigned POST uploads when S3 is configured, else a
// local folder with forms signed by a local secret and received by this service's POST /uploads.
import type { IncomingMessage, ServerResponse } from "node:http";
import { loadOrCreateDevSecret } from "@emporium/auth";
import {
  createLocalUploadHandler,
  createObjectStore,
  createUploadTarget,
  S3ObjectStore,
  type ObjectStore,
  type S3ObjectStoreOptions,
  type UploadTarget,
} from "@emporium/storage";
import { MAX_PHOTO_BYTES } from "../../domain/photos";

export interface PhotoStorageConfig {
  /** S3, when photos live in a bucket (the S3_* variables). */
  s3?: S3ObjectStoreOptions | undefined;
  /** The S3 address uploads are sent to, when it differs from the endpoint the service uses. */
  s3PublicEndpoint?: string | undefined;
  /** The local folder, when `s3` is not given. */
  localDir: string;
  /** Without S3: the absolute URL of this service's /uploads, where signed forms are posted. */
  uploadUrl: string;
  /** Without S3: signs those forms (32+ bytes). */
  secret: Uint8Array;
  /** Create the bucket when it is missing (default true). */
  createBucket?: boolean | undefined;
}

export interface PhotoStorage {
  objects: ObjectStore;
  uploads: UploadTarget;
  /** Mounted at POST /uploads when photos go to the local folder. */
  uploadHandler?: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  close(): void;
}

export async function openPhotoStorage(c: PhotoStorageConfig): Promise<PhotoStorage> {
  const objects = await createObjectStore({ s3: c.s3, localDir: c.localDir, createBucket: c.createBucket });
  const close = () => {
    if (objects instanceof S3ObjectStore) objects.close();
  };
  if (c.s3)
    return {
      objects,
      uploads: createUploadTarget({
        s3: { ...c.s3, publicEndpoint: c.s3PublicEndpoint },
        local: { url: c.uploadUrl, secret: c.secret },
      }),
      close,
    };
  return {
    objects,
    uploads: createUploadTarget({ local: { url: c.uploadUrl, secret: c.secret } }),
    uploadHandler: createLocalUploadHandler({
      store: objects,
      secret: c.secret,
      maxBodyBytes: MAX_PHOTO_BYTES,
    }),
    close,
  };
}

/**
 * The key that signs embedded upload forms: REVIEW_PHOTO_UPLOAD_SECRET when set, otherwise a random one
 * made once under the data folder (only this process signs and verifies them).
 */
export function photoUploadSecret(secret: string | undefined, dataDir: string): Uint8Array {
  return secret ? Buffer.from(secret) : loadOrCreateDevSecret(dataDir, "review-photo-uploads");
}
