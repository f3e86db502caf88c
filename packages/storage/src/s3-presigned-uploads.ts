// Browser uploads straight to S3 with a presigned POST. The policy S3 checks pins the exact key, the
// exact Content-Type and the body size range, and expires soon; what the file really contains is for
// the backend to check after the upload (S3 never looks inside).
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import type { S3Client } from "@aws-sdk/client-s3";
import { assertValidKey } from "./object-store";
import { s3Client, type S3ObjectStoreOptions } from "./s3-object-store";
import { assertValidPolicy, type PresignedUpload, type UploadPolicy, type UploadTarget } from "./upload";

export interface S3PresignedUploadsOptions extends S3ObjectStoreOptions {
  /**
   * The S3 address browsers reach when it differs from `endpoint` (a compose service name inside,
   * localhost outside). A POST policy's signature covers the policy, not the host, so only the URL
   * changes.
   */
  publicEndpoint?: string | undefined;
}

export class S3PresignedUploads implements UploadTarget {
  readonly description: string;
  private readonly client: S3Client;
  private readonly ownsClient: boolean;

  constructor(private readonly options: S3PresignedUploadsOptions) {
    this.client = options.client ?? s3Client(options);
    this.ownsClient = !options.client;
    this.description = `S3 presigned POST to bucket ${options.bucket}`;
  }

  async createPresignedUpload(key: string, policy: UploadPolicy): Promise<PresignedUpload> {
    assertValidKey(key);
    assertValidPolicy(policy);
    const expiresAt = new Date(Date.now() + policy.expiresInSeconds * 1000);
    // Signing is local (no request to S3), so it needs no deadline or breaker.
    const post = await createPresignedPost(this.client, {
      Bucket: this.options.bucket,
      Key: key,
      Fields: { "Content-Type": policy.contentType },
      Conditions: [
        ["content-length-range", policy.minBytes, policy.maxBytes],
        ["eq", "$Content-Type", policy.contentType],
      ],
      Expires: policy.expiresInSeconds,
    });
    return { url: this.publicUrl(post.url), fields: post.fields, expiresAt: expiresAt.toISOString() };
  }

  private publicUrl(url: string): string {
    const { publicEndpoint, endpoint } = this.options;
    if (!publicEndpoint || !endpoint) return url;
    const inner = new URL(endpoint);
    const outer = new URL(publicEndpoint);
    const u = new URL(url);
    if (u.host !== inner.host) return url;
    u.protocol = outer.protocol;
    u.host = outer.host;
    return u.toString();
  }

  close(): void {
    if (this.ownsClient) this.client.destroy();
  }
}
