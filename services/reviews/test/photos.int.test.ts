// Review photos on the real servers: reviews in MongoDB (TEST_MONGO_URL), photos in a bucket of their
// own on S3 (TEST_S3_ENDPOINT, S3Proxy in CI) with presigned POST uploads straight to it (see
// photo-suite.ts).
import { realServer } from "@emporium/testkit";
import { s3TestTarget } from "@emporium/storage/testing";
import { S3PresignedUploads } from "@emporium/storage";
import { mongoTestStorage } from "./mongo-fixture";
import { photoSuite } from "./photo-suite";

const mongo = realServer("TEST_MONGO_URL", "review photos on MongoDB and S3");
const s3 = s3TestTarget("review photos on MongoDB and S3");

photoSuite("MongoDB and S3", mongo.available && s3.available, async () => {
  const { storage, dispose } = await mongoTestStorage(mongo.url ?? "");
  const bucket = await s3.create();
  const options = bucket.options;
  return {
    storage,
    async photos() {
      return {
        photoStorage: {
          objects: bucket.store,
          uploads: new S3PresignedUploads(options),
          close: () => undefined,
        },
        objects: bucket.store,
        keys: bucket.keys,
      };
    },
    async dispose() {
      await bucket.dispose();
      await dispose();
    },
  };
});
