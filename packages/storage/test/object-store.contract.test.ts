// The object-store contract, run against every adapter (the S3 adapter joins this list with its issue).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidObjectKeyError, LocalFolderStore, type ObjectStore } from "../src";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const adapters: { name: string; make: () => Promise<ObjectStore> }[] = [
  {
    name: "local folder",
    make: async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "emporium-store-"));
      dirs.push(dir);
      return new LocalFolderStore(dir);
    },
  },
];

describe.each(adapters)("ObjectStore contract: $name", ({ make }) => {
  it("stores, reads back, replaces and deletes an object", async () => {
    const store = await make();
    const body = Buffer.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3]);
    expect(await store.exists("products/a/1.webp")).toBe(false);
    expect(await store.get("products/a/1.webp")).toBeNull();
    await store.put("products/a/1.webp", body, "image/webp");
    expect(await store.exists("products/a/1.webp")).toBe(true);
    const got = await store.get("products/a/1.webp");
    expect(got?.body.equals(body)).toBe(true);
    expect(got?.contentType).toBe("image/webp");
    expect(got?.size).toBe(body.length);
    await store.put("products/a/1.webp", Buffer.from("v2"), "image/webp");
    expect((await store.get("products/a/1.webp"))?.body.toString()).toBe("v2");
    await store.delete("products/a/1.webp");
    expect(await store.exists("products/a/1.webp")).toBe(false);
    await store.delete("products/a/1.webp"); // deleting twice is fine
  });

  it("refuses keys that could escape the store", async () => {
    const store = await make();
    for (const key of ["../etc/passwd", "/abs/path.png", "a/../../b.png", "", "a//b.png", "a/b c.png"])
      await expect(store.put(key, Buffer.from("x"), "image/png")).rejects.toBeInstanceOf(
        InvalidObjectKeyError,
      );
  });
});
