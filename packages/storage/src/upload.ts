// The upload port: a short-lived permission for a browser to send one file straight to storage, so
// large bodies never pass through the backend's memory or its tRPC limits. The shape follows S3's
// presigned POST (a URL and form fields to send before the file), whichever adapter signs it.

export interface UploadPolicy {
  /** The exact content type the browser must declare (sent as the Content-Type form field). */
  contentType: string;
  /** Smallest and largest body the storage accepts, in bytes. */
  minBytes: number;
  maxBytes: number;
  /** How long the permission is valid. */
  expiresInSeconds: number;
}

export interface PresignedUpload {
  /** Where the browser POSTs a multipart/form-data body: the fields first, then the file as "file". */
  url: string;
  fields: Record<string, string>;
  /** ISO time after which the storage refuses the upload. */
  expiresAt: string;
}

export interface UploadTarget {
  /** Signs a permission to upload one object under `key`, within `policy`. */
  createPresignedUpload(key: string, policy: UploadPolicy): Promise<PresignedUpload>;
  /** A short description safe to log. */
  readonly description: string;
}

/** Longest permission either adapter signs: a leaked form must stop working soon. */
export const MAX_UPLOAD_EXPIRY_SECONDS = 3600;

export function assertValidPolicy(policy: UploadPolicy): void {
  const { minBytes, maxBytes, expiresInSeconds, contentType } = policy;
  if (!Number.isInteger(minBytes) || !Number.isInteger(maxBytes) || minBytes < 0 || maxBytes < minBytes)
    throw new RangeError(`invalid upload size range ${minBytes}..${maxBytes}`);
  if (
    !Number.isInteger(expiresInSeconds) ||
    expiresInSeconds < 1 ||
    expiresInSeconds > MAX_UPLOAD_EXPIRY_SECONDS
  )
    throw new RangeError(`upload expiry must be 1..${MAX_UPLOAD_EXPIRY_SECONDS} seconds`);
  if (!/^[a-z]+\/[a-z0-9.+-]+$/.test(contentType))
    throw new RangeError(`invalid content type ${contentType}`);
}
