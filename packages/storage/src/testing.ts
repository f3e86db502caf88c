// S3 for test suites: when TEST_S3_ENDPOINT names a server, each suite gets a bucket of its own that is
// emptied and deleted afterwards; otherwise the suite is skipped loudly (or fails under
// REQUIRE_REAL_SERVERS=1).
import { randomBytes } from "node:crypto";
import { DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { realServer } from "@emporium/testkit";
import { s3Client, S3ObjectStore, type S3ObjectStoreOptions } from "./s3-object-store";

export interface S3TestStore {
  store: S3ObjectStore;
  /** The options the store was made with (its bucket, endpoint and credentials), e.g. for an upload target. */
  options: S3ObjectStoreOptions;
  /** Every key in the bucket. */
  keys(): Promise<string[]>;
  dispose(): Promise<void>;
}

export interface S3TestTarget {
  available: boolean;
  /** A store on a new, empty bucket. */
  create(options?: Partial<S3ObjectStoreOptions>): Promise<S3TestStore>;
}

/** Call at module level, so a missing server is noticed while the suite is collected. */
export function s3TestTarget(suite: string): S3TestTarget {
  const server = realServer("TEST_S3_ENDPOINT", suite);
  return {
    available: server.available,
    async create(overrides = {}) {
      if (!server.url) throw new Error("TEST_S3_ENDPOINT is not set");
      const accessKeyId = process.env.TEST_S3_ACCESS_KEY_ID;
      const secretAccessKey = process.env.TEST_S3_SECRET_ACCESS_KEY;
      const options: S3ObjectStoreOptions = {
        bucket: `emporium-test-${randomBytes(5).toString("hex")}`,
        endpoint: server.url,
        region: process.env.TEST_S3_REGION ?? "us-east-1",
        credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
        forcePathStyle: true,
        ...overrides,
      };
      const client = s3Client(options);
      const store = new S3ObjectStore({ ...options, client });
      await store.ensureBucket();
      const listKeys = async () => {
        const keys: string[] = [];
        let token: string | undefined;
        do {
          const page = await client.send(
            new ListObjectsV2Command({ Bucket: options.bucket, ContinuationToken: token }),
          );
          for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return keys;
      };
      return {
        store,
        options,
        keys: listKeys,
        async dispose() {
          store.close();
          try {
            const Bucket = options.bucket;
            for (const Key of await listKeys()) await client.send(new DeleteObjectCommand({ Bucket, Key }));
            await client.send(new DeleteBucketCommand({ Bucket }));
          } finally {
            client.destroy();
          }
        },
      };
    },
  };
}
