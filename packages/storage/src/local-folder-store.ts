// The embedded object store: files in a local folder. Writes go to a temporary file first and are
// renamed into place, so a reader never sees half an object.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentTypeFor } from "./content-type";
import { assertValidKey, assertValidPrefix } from "./object-store";
import type { ObjectStore, StoredObject, SweepableStore } from "./object-store";

function isMissing(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "ENOENT";
}

export class LocalFolderStore implements ObjectStore, SweepableStore {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `local folder ${root}`;
  }

  private file(key: string): string {
    assertValidKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  // The content type follows from the key's extension when read back, so it is not stored separately.
  async put(key: string, body: Buffer, _contentType?: string): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, file);
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const body = await readFile(this.file(key));
      return { body, contentType: contentTypeFor(key), size: body.length };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.file(key))).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  async deleteOlderThan(prefix: string, cutoff: Date): Promise<number> {
    assertValidPrefix(prefix);
    const dir = path.join(this.root, ...prefix.split("/").filter(Boolean));
    let entries;
    try {
      entries = await readdir(dir, { recursive: true, withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return 0;
      throw err;
    }
    let deleted = 0;
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      try {
        // Half-written temporary files are swept too: the write that made them has long failed.
        if ((await stat(file)).mtime < cutoff) {
          await rm(file, { force: true });
          deleted++;
        }
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
    }
    return deleted;
  }
}
