// Picks the upload adapter the way createObjectStore picks the store: S3 presigned POST when a bucket is
// configured, otherwise signed forms to the backend's own upload handler over the local folder.
import { LocalFolderUploads } from "./local-folder-uploads";
import { S3PresignedUploads, type S3PresignedUploadsOptions } from "./s3-presigned-uploads";
import type { UploadTarget } from "./upload";

export interface UploadTargetConfig {
  s3?: S3PresignedUploadsOptions | undefined;
  /** The embedded adapter's form URL and signing secret, used when `s3` is not given. */
  local: { url: string; secret: Uint8Array };
}

export function createUploadTarget(config: UploadTargetConfig): UploadTarget {
  return config.s3 ? new S3PresignedUploads(config.s3) : new LocalFolderUploads(config.local);
}
