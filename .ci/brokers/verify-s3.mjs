// Round-trip check of the CI S3 server (run by ensure_s3) with the AWS SDK v3: bucket, PUT/GET/HEAD,
// presigned PUT/GET URLs and a presigned POST (browser form upload with a POST policy), including a
// forged policy signature that must be refused. Usage: node verify-s3.mjs (reads TEST_S3_* or defaults)
import { deadline, tool, toolVersion } from "./tools.mjs";

deadline(90, "S3 check");
const s3 = tool("@aws-sdk/client-s3");
const { createPresignedPost } = tool("@aws-sdk/s3-presigned-post");
const { getSignedUrl } = tool("@aws-sdk/s3-request-presigner");

const endpoint = process.env.TEST_S3_ENDPOINT ?? "http://127.0.0.1:9000";
const client = new s3.S3Client({
  endpoint,
  region: process.env.TEST_S3_REGION ?? "us-east-1",
  forcePathStyle: true,
  credentials: {
    accessKeyId: process.env.TEST_S3_ACCESS_KEY_ID ?? "emporium",
    secretAccessKey: process.env.TEST_S3_SECRET_ACCESS_KEY ?? "emporium-test-secret",
  },
});
const Bucket = "emporium-ci-verify";
const run = `${process.pid}-${Date.now()}`;
const results = [];

async function bodyOf(Key) {
  const got = await client.send(new s3.GetObjectCommand({ Bucket, Key }));
  return got.Body.transformToString();
}

try {
  await client.send(new s3.CreateBucketCommand({ Bucket }));
} catch (err) {
  if (err.name !== "BucketAlreadyOwnedByYou" && err.name !== "BucketAlreadyExists") throw err;
}
await client.send(new s3.HeadBucketCommand({ Bucket }));

// Plain PUT / GET / HEAD.
const key = `probe/${run}.txt`;
await client.send(
  new s3.PutObjectCommand({ Bucket, Key: key, Body: `hello ${run}`, ContentType: "text/plain" }),
);
if ((await bodyOf(key)) !== `hello ${run}`) throw new Error("GET returned a different body");
const head = await client.send(new s3.HeadObjectCommand({ Bucket, Key: key }));
if (head.ContentType !== "text/plain") throw new Error(`HEAD Content-Type ${head.ContentType}`);
results.push("bucket, PUT/GET/HEAD ok");

// Presigned URLs (query-string SigV4).
const urlKey = `presigned-url/${run}.txt`;
const putUrl = await getSignedUrl(client, new s3.PutObjectCommand({ Bucket, Key: urlKey }), {
  expiresIn: 300,
});
const put = await fetch(putUrl, { method: "PUT", body: `via url ${run}` });
if (!put.ok) throw new Error(`presigned PUT -> ${put.status} ${await put.text()}`);
const getUrl = await getSignedUrl(client, new s3.GetObjectCommand({ Bucket, Key: urlKey }), {
  expiresIn: 300,
});
const get = await fetch(getUrl);
if (!get.ok || (await get.text()) !== `via url ${run}`) throw new Error(`presigned GET -> ${get.status}`);
results.push("presigned PUT/GET URLs ok");

// Presigned POST (POST policy, SigV4), as a browser form upload would do it.
async function postForm(post, content) {
  const form = new FormData();
  for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
  form.append("file", new Blob([content], { type: "text/plain" }), "upload.txt");
  const res = await fetch(post.url, { method: "POST", body: form });
  return { status: res.status, text: await res.text() };
}
const postKey = `presigned-post/${run}.txt`;
const post = await createPresignedPost(client, {
  Bucket,
  Key: postKey,
  Conditions: [
    ["content-length-range", 1, 1024],
    ["starts-with", "$Content-Type", "text/"],
  ],
  Fields: { "Content-Type": "text/plain" },
  Expires: 300,
});
const ok = await postForm(post, `via post ${run}`);
if (ok.status < 200 || ok.status > 204) throw new Error(`presigned POST -> ${ok.status} ${ok.text}`);
if ((await bodyOf(postKey)) !== `via post ${run}`) throw new Error("presigned POST stored a different body");
const forged = { ...post, fields: { ...post.fields, "X-Amz-Signature": "0".repeat(64) } };
const refused = await postForm(forged, "forged");
if (refused.status !== 403) throw new Error(`presigned POST with a forged signature -> ${refused.status}`);
results.push(`presigned POST ok (${ok.status}; forged signature refused with 403)`);

// Whether the policy's conditions are enforced (informational: S3 does, a stand-in may not).
const small = await createPresignedPost(client, {
  Bucket,
  Key: `presigned-post/${run}-too-big.txt`,
  Conditions: [["content-length-range", 1, 8]],
  Expires: 300,
});
const tooBig = await postForm(small, "more than eight bytes");
results.push(
  tooBig.status >= 400
    ? `POST policy content-length-range enforced (${tooBig.status})`
    : `POST policy content-length-range NOT enforced (${tooBig.status})`,
);

for (const Key of [key, urlKey, postKey, `presigned-post/${run}-too-big.txt`]) {
  await client.send(new s3.DeleteObjectCommand({ Bucket, Key }));
}
console.log(`@aws-sdk/client-s3 ${toolVersion("@aws-sdk/client-s3")} -> ${endpoint}: ${results.join("; ")}`);
