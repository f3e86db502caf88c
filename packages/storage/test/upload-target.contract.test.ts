// The upload contract, run against every adapter: signed forms to the embedded handler over a local
// folder always, S3 presigned POST when TEST_S3_ENDPOINT names a server. A browser-like client POSTs
// the returned fields and a file; the storage must keep a good upload and refuse — keeping nothing —
// a body outside the size range, another content type, another key, a forged signature, an expired form.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createLocalUploadHandler,
  LocalFolderStore,
  S3PresignedUploads,
  type ObjectStore,
  type PresignedUpload,
  type UploadPolicy,
  type UploadTarget,
} from "../src";
import { s3TestTarget } from "../src/testing";

const s3 = s3TestTarget("UploadTarget contract on S3");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface Harness {
  uploads: UploadTarget;
  store: ObjectStore;
}

async function localHarness(): Promise<Harness> {
  const dir = await mkdtemp(path.join(tmpdir(), "emporium-uploads-"));
  const store = new LocalFolderStore(dir);
  const secret = randomBytes(32);
  const handle = createLocalUploadHandler({ store, secret, maxBodyBytes: 1024 * 1024 });
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });
  const { port } = server.address() as AddressInfo;
  const { LocalFolderUploads } = await import("../src");
  return { store, uploads: new LocalFolderUploads({ url: `http://127.0.0.1:${port}/uploads`, secret }) };
}

async function s3Harness(): Promise<Harness> {
  const { store, dispose } = await s3.create();
  const uploads = new S3PresignedUploads({
    bucket: store.bucket,
    endpoint: process.env.TEST_S3_ENDPOINT,
    region: process.env.TEST_S3_REGION ?? "us-east-1",
    credentials: {
      accessKeyId: process.env.TEST_S3_ACCESS_KEY_ID ?? "",
      secretAccessKey: process.env.TEST_S3_SECRET_ACCESS_KEY ?? "",
    },
    forcePathStyle: true,
  });
  cleanups.push(async () => {
    uploads.close();
    await dispose();
  });
  return { store, uploads };
}

const POLICY: UploadPolicy = { contentType: "image/png", minBytes: 1, maxBytes: 1000, expiresInSeconds: 60 };

/** POSTs the form as a browser does: every field, then the file. Returns the status and S3-style error code. */
async function send(
  upload: PresignedUpload,
  body: Buffer,
  change: (fields: Record<string, string>) => void = () => undefined,
): Promise<{ status: number; code: string | null; message: string }> {
  const fields = { ...upload.fields };
  change(fields);
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([new Uint8Array(body)], { type: fields["Content-Type"] }), "photo.png");
  const res = await fetch(upload.url, { method: "POST", body: form });
  const text = await res.text();
  const code =
    /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ??
    (text.startsWith("{") ? (JSON.parse(text) as { error: string }).error : null);
  return { status: res.status, code, message: text };
}

const adapters = [
  { name: "signed form + local folder", available: true, make: localHarness },
  { name: "S3 presigned POST", available: s3.available, make: s3Harness },
];

describe.each(adapters)("UploadTarget contract: $name", ({ available, make }) => {
  it.runIf(available)("stores a file posted within the policy, under the signed key", async () => {
    const { uploads, store } = await make();
    const upload = await uploads.createPresignedUpload("uploads/ok.png", POLICY);
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeGreaterThan(50_000);
    expect(upload.fields).toMatchObject({ key: "uploads/ok.png", "Content-Type": "image/png" });
    const body = randomBytes(1000);
    const answer = await send(upload, body);
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(300);
    const stored = await store.get("uploads/ok.png");
    expect(stored?.body.equals(body)).toBe(true);
    expect(stored?.contentType).toBe("image/png");
  });

  it.runIf(available)("refuses a body above or below the size range and keeps nothing", async () => {
    const { uploads, store } = await make();
    const big = await send(await uploads.createPresignedUpload("uploads/big.png", POLICY), randomBytes(1001));
    expect([big.status, big.code]).toEqual([400, "EntityTooLarge"]);
    expect(await store.exists("uploads/big.png")).toBe(false);
    const empty = await send(
      await uploads.createPresignedUpload("uploads/empty.png", POLICY),
      Buffer.alloc(0),
    );
    expect([empty.status, empty.code]).toEqual([400, "EntityTooSmall"]);
    expect(await store.exists("uploads/empty.png")).toBe(false);
  });

  it.runIf(available)("refuses another content type, another key and a forged signature", async () => {
    const { uploads, store } = await make();
    const body = randomBytes(100);
    const type = await send(await uploads.createPresignedUpload("uploads/t.png", POLICY), body, (f) => {
      f["Content-Type"] = "text/html";
    });
    expect([type.status, type.code]).toEqual([403, "AccessDenied"]);
    expect(await store.exists("uploads/t.png")).toBe(false);

    const key = await send(await uploads.createPresignedUpload("uploads/k.png", POLICY), body, (f) => {
      f.key = "products/elsewhere/k.png";
    });
    expect([key.status, key.code]).toEqual([403, "AccessDenied"]);
    expect(await store.exists("uploads/k.png")).toBe(false);
    expect(await store.exists("products/elsewhere/k.png")).toBe(false);

    const upload = await uploads.createPresignedUpload("uploads/s.png", POLICY);
    const signatureField = Object.keys(upload.fields).find((k) => /signature/i.test(k));
    expect(signatureField).toBeDefined();
    const forged = await send(upload, body, (f) => {
      const sig = f[signatureField ?? ""] ?? "";
      f[signatureField ?? ""] = `${sig.slice(0, -2)}${sig.endsWith("00") ? "11" : "00"}`;
    });
    expect(forged.status).toBe(403);
    expect(await store.exists("uploads/s.png")).toBe(false);

    // A policy rewritten to allow a bigger file no longer matches its signature.
    const loose = await uploads.createPresignedUpload("uploads/p.png", POLICY);
    const policyField = Object.keys(loose.fields).find((k) => /^policy$/i.test(k)) ?? "";
    const original = loose.fields[policyField] ?? "";
    const decoded = Buffer.from(original, "base64").toString("utf8");
    expect(decoded).toContain("1000");
    const raised = Buffer.from(decoded.replace("1000", "9000000")).toString(
      original.includes("=") || /[+/]/.test(original) ? "base64" : "base64url",
    );
    const rewritten = await send(loose, randomBytes(5000), (f) => {
      f[policyField] = raised;
    });
    expect(rewritten.status).toBe(403);
    expect(await store.exists("uploads/p.png")).toBe(false);
  });

  it.runIf(available)("refuses a form once it has expired", async () => {
    const { uploads, store } = await make();
    const upload = await uploads.createPresignedUpload("uploads/late.png", {
      ...POLICY,
      expiresInSeconds: 1,
    });
    // S3 policies expire on whole seconds: wait until the expiry has certainly passed.
    await new Promise((resolve) => setTimeout(resolve, Date.parse(upload.expiresAt) - Date.now() + 1100));
    const late = await send(upload, randomBytes(100));
    expect([late.status, late.code]).toEqual([403, "AccessDenied"]);
    expect(await store.exists("uploads/late.png")).toBe(false);
  });

  it.runIf(available)(
    "refuses to sign a key that could escape the store or a policy out of bounds",
    async () => {
      const { uploads } = await make();
      await expect(uploads.createPresignedUpload("../x.png", POLICY)).rejects.toThrow(/invalid object key/);
      await expect(
        uploads.createPresignedUpload("uploads/x.png", { ...POLICY, expiresInSeconds: 86_400 }),
      ).rejects.toThrow(RangeError);
      await expect(
        uploads.createPresignedUpload("uploads/x.png", { ...POLICY, minBytes: 10, maxBytes: 5 }),
      ).rejects.toThrow(RangeError);
    },
  );
});

describe("local upload handler limits", () => {
  it("cuts off a body above its hard cap without writing anything", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "emporium-uploads-cap-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const store = new LocalFolderStore(dir);
    const secret = randomBytes(32);
    const handle = createLocalUploadHandler({ store, secret, maxBodyBytes: 10_000 });
    const server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const { LocalFolderUploads } = await import("../src");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads`;
    // The policy itself allows more than the handler's cap: the cap still wins.
    const upload = await new LocalFolderUploads({ url, secret }).createPresignedUpload("uploads/huge.png", {
      ...POLICY,
      maxBytes: 10_000_000,
    });
    const answer = await send(upload, randomBytes(200_000));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.code).toBe("EntityTooLarge");
    expect(await readdir(dir)).toEqual([]);

    const notForm = await fetch(url, {
      method: "POST",
      body: "plain",
      headers: { "content-type": "text/plain" },
    });
    expect(notForm.status).toBe(400);
    const noFile = new FormData();
    for (const [k, v] of Object.entries(upload.fields)) noFile.append(k, v);
    expect((await fetch(url, { method: "POST", body: noFile })).status).toBe(400);
  });
});
