// Which store the configuration picks, and what the object-storage variables accept.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  checkObjectStoreEnv,
  createObjectStore,
  LocalFolderStore,
  objectStoreEnv,
  S3ObjectStore,
  s3OptionsFromEnv,
} from "../src";
import { s3TestTarget } from "../src/testing";

const s3 = s3TestTarget("createObjectStore on S3");
const schema = z.object(objectStoreEnv).superRefine(checkObjectStoreEnv);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("object-storage configuration", () => {
  it("uses the local folder when no bucket is configured", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "emporium-store-"));
    dirs.push(dir);
    const e = schema.parse({});
    expect(s3OptionsFromEnv(e)).toBeUndefined();
    const store = await createObjectStore({ s3: s3OptionsFromEnv(e), localDir: dir });
    expect(store).toBeInstanceOf(LocalFolderStore);
    await store.put("packing-slips/x.pdf", Buffer.from("%PDF"), "application/pdf");
    expect((await store.get("packing-slips/x.pdf"))?.contentType).toBe("application/pdf");
  });

  it("describes S3 from the variables: path-style for an S3-API server, keys only in pairs", () => {
    const e = schema.parse({
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_BUCKET: "emporium-documents",
      S3_ACCESS_KEY_ID: "emporium",
      S3_SECRET_ACCESS_KEY: "secret",
    });
    expect(s3OptionsFromEnv(e)).toMatchObject({
      bucket: "emporium-documents",
      endpoint: "http://127.0.0.1:9000",
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "emporium", secretAccessKey: "secret" },
      timeoutMs: 5_000,
    });
    expect(s3OptionsFromEnv(schema.parse({ S3_BUCKET: "on-aws" }))).toMatchObject({
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it("names the variable that is wrong", () => {
    const problems = (input: Record<string, string>) =>
      schema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(problems({ S3_ENDPOINT: "http://127.0.0.1:9000" })).toEqual([
      "S3_BUCKET: is required when S3_ENDPOINT is set",
    ]);
    expect(problems({ S3_BUCKET: "b-1", S3_ACCESS_KEY_ID: "k" })[0]).toMatch(/^S3_SECRET_ACCESS_KEY: /);
    expect(problems({ S3_BUCKET: "Not_A_Bucket" })[0]).toMatch(/^S3_BUCKET: must be an S3 bucket name/);
    expect(problems({ S3_ENDPOINT: "ftp://x" })[0]).toMatch(/^S3_ENDPOINT: /);
  });

  it.runIf(s3.available)("creates a missing bucket on S3 and tolerates one that exists", async () => {
    const { store: scratch, dispose } = await s3.create();
    try {
      // A second store on the same bucket: ensureBucket finds it and leaves it alone.
      const again = await createObjectStore({
        s3: {
          bucket: scratch.bucket,
          endpoint: process.env.TEST_S3_ENDPOINT,
          region: process.env.TEST_S3_REGION,
          credentials: {
            accessKeyId: process.env.TEST_S3_ACCESS_KEY_ID ?? "",
            secretAccessKey: process.env.TEST_S3_SECRET_ACCESS_KEY ?? "",
          },
          forcePathStyle: true,
        },
        localDir: "/nonexistent",
      });
      expect(again).toBeInstanceOf(S3ObjectStore);
      await again.put("probe/one.json", Buffer.from("{}"), "application/json");
      expect(await scratch.exists("probe/one.json")).toBe(true);
    } finally {
      await dispose();
    }
  });
});
