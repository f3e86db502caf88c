export {
  assertValidKey,
  canSweep,
  InvalidObjectKeyError,
  type ObjectStore,
  type StoredObject,
  type SweepableStore,
} from "./object-store";
export { contentTypeFor } from "./content-type";
export { LocalFolderStore } from "./local-folder-store";
export { S3ObjectStore, type S3ObjectStoreOptions } from "./s3-object-store";
export { CallTimeoutError, CircuitOpenError, type CircuitState, type ObservableBreaker } from "./circuit";
export { createObjectStore, type ObjectStoreConfig } from "./create-object-store";
export { checkObjectStoreEnv, objectStoreEnv, s3OptionsFromEnv, type ObjectStoreEnv } from "./env";
export {
  assertValidPolicy,
  MAX_UPLOAD_EXPIRY_SECONDS,
  type PresignedUpload,
  type UploadPolicy,
  type UploadTarget,
} from "./upload";
export {
  createLocalUploadHandler,
  LocalFolderUploads,
  type LocalFolderUploadsOptions,
  type LocalUploadHandlerOptions,
} from "./local-folder-uploads";
export { S3PresignedUploads, type S3PresignedUploadsOptions } from "./s3-presigned-uploads";
export { UploadRefusedError } from "./signed-upload-policy";
export { createUploadTarget, type UploadTargetConfig } from "./create-upload-target";
