export { assertValidKey, InvalidObjectKeyError, type ObjectStore, type StoredObject } from "./object-store";
export { contentTypeFor } from "./content-type";
export { LocalFolderStore } from "./local-folder-store";
