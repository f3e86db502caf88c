export { assertValidKey, InvalidObjectKeyError, type ObjectStore, type StoredObject } from "./object-store";
export { contentTypeFor } from "./content-type";
export { LocalFolderStore } from "./local-folder-store";
export { S3ObjectStore, type S3ObjectStoreOptions } from "./s3-object-store";
export { CallTimeoutError, CircuitOpenError, type CircuitState } from "./circuit";
export { createObjectStore, type ObjectStoreConfig } from "./create-object-store";
export { checkObjectStoreEnv, objectStoreEnv, s3OptionsFromEnv, type ObjectStoreEnv } from "./env";
