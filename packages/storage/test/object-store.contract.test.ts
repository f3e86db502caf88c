// The object-store contract, run against every adapter: the local folder always, S3 when TEST_S3_ENDPOINT
// names a server (each store on a bucket of its own, deleted afterwards).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidObjectKeyError, LocalFolderStore, type ObjectStore, type SweepableStore } from "../src";
import { s3TestTarget } from "../src/testing";

const s3 = s3TestTarget("ObjectStore contract on S3");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const adapters: { name: string; available: boolean; make: () => Promise<ObjectStore & SweepableStore> }[] = [
  {
    name: "local folder",
    available: true,
    make: async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "emporium-store-"));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      return new LocalFolderStore(dir);
    },
  },
  {
    name: "S3",
    available: s3.available,
    make: async () => {
      const { store, dispose } = await s3.create();
      cleanups.push(dispose);
      return store;
    },
  },
];

describe.each(adapters)("ObjectStore contract: $name", ({ available, make }) => {
  it.runIf(available)("stores, reads back, replaces and deletes an object", async () => {
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

  it.runIf(available)(
    "keeps objects under different keys apart and reads binary bodies unchanged",
    async () => {
      const store = await make();
      const pdf = Buffer.concat([
        Buffer.from("%PDF-1.7\n"),
        Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      ]);
      await store.put("packing-slips/a.pdf", pdf, "application/pdf");
      await store.put("packing-slips/b.pdf", Buffer.from("%PDF-b"), "application/pdf");
      const a = await store.get("packing-slips/a.pdf");
      expect(a?.body.equals(pdf)).toBe(true);
      expect(a?.contentType).toBe("application/pdf");
      expect((await store.get("packing-slips/b.pdf"))?.body.toString()).toBe("%PDF-b");
      expect(await store.exists("packing-slips")).toBe(false);
      expect(await store.get("packing-slips/c.pdf")).toBeNull();
    },
  );

  it.runIf(available)("refuses keys that could escape the store", async () => {
    const store = await make();
    for (const key of ["../etc/passwd", "/abs/path.png", "a/../../b.png", "", "a//b.png", "a/b c.png"])
      await expect(store.put(key, Buffer.from("x"), "image/png")).rejects.toBeInstanceOf(
        InvalidObjectKeyError,
      );
  });

  it.runIf(available)("sweeps objects under a prefix written before a cutoff, and nothing else", async () => {
    const store = await make();
    await store.put("uploads/a", Buffer.from("a"), "image/png");
    await store.put("uploads/b", Buffer.from("b"), "image/png");
    await store.put("products/keep/1.webp", Buffer.from("k"), "image/webp");
    expect(await store.deleteOlderThan("uploads/", new Date(Date.now() - 3_600_000))).toBe(0);
    expect(await store.exists("uploads/a")).toBe(true);
    // Every object here was written before a cutoff a minute ahead.
    expect(await store.deleteOlderThan("uploads/", new Date(Date.now() + 60_000))).toBe(2);
    expect(await store.exists("uploads/a")).toBe(false);
    expect(await store.exists("uploads/b")).toBe(false);
    expect(await store.exists("products/keep/1.webp")).toBe(true);
    expect(await store.deleteOlderThan("nothing-here/", new Date())).toBe(0);
    await expect(store.deleteOlderThan("../", new Date())).rejects.toBeInstanceOf(InvalidObjectKeyError);
  });
});
