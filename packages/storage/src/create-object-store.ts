// Picks the object store from configuration: S3 when a bucket is configured, the local folder otherwise.
import { LocalFolderStore } from "./local-folder-store";
import type { ObjectStore } from "./object-store";
import { S3ObjectStore, type S3ObjectStoreOptions } from "./s3-object-store";

export interface ObjectStoreConfig {
  /** S3 (or an S3-API server); when given, objects go there. */
  s3?: S3ObjectStoreOptions | undefined;
  /** The embedded store's folder, used when `s3` is not given. */
  localDir: string;
  /** Create the bucket when it is missing (default true); off where the bucket is provisioned for you. */
  createBucket?: boolean | undefined;
}

export async function createObjectStore(config: ObjectStoreConfig): Promise<ObjectStore> {
  if (!config.s3) return new LocalFolderStore(config.localDir);
  const store = new S3ObjectStore(config.s3);
  if (config.createBucket ?? true) await store.ensureBucket();
  return store;
}
