// The reviews service's own process: environment → document store (MongoDB, or memory) → HTTP server →
// with KAFKA_BROKERS, the orders consumer and the rating-summary relay → ready. MongoDB is not waited
// for: while it is unreachable, requests answer 503 ("Reviews are unavailable right now") and /readyz
// reports it, and everything resumes when it is back.
import { kafkaSecurityOf } from "@emporium/config/kafka";
import { tokenKey } from "@emporium/auth";
import { KafkaEventBus, PERSISTENT_RETRY } from "@emporium/messaging";
import { createServiceMetrics, measureBreaker } from "@emporium/observability";
import { createLoggerFrom, onShutdown } from "@emporium/runtime";
import { createLimiters, limitOf } from "@emporium/service-kit/limits";
import { loadReviewsEnv } from "./env";
import {
  CatalogProductDirectory,
  createReviewsService,
  openPhotoStorage,
  openReviewsStorage,
  photoUploadSecret,
} from "./service";
import { startTracingFrom } from "@emporium/runtime/tracing";

const env = loadReviewsEnv();
await startTracingFrom(env, "reviews");
const log = createLoggerFrom(env, "reviews");
const storage = openReviewsStorage({
  mongoUrl: env.MONGO_URL,
  mongoDb: env.MONGO_DB,
  log,
  timeoutMs: env.MONGO_TIMEOUT_MS,
});
// An order fact that cannot be stored (MongoDB or the catalog down) is tried again for about two hours
// before it is dead-lettered: a purchase is not to be lost to an outage. The topic waits meanwhile, so a
// delivery is still read after its placement.
const events = env.KAFKA_BROKERS
  ? new KafkaEventBus({
      brokers: env.KAFKA_BROKERS,
      clientId: "reviews",
      log,
      ...kafkaSecurityOf(env),
      retry: PERSISTENT_RETRY,
    })
  : undefined;
// Changes per staff member (moderation) and photo uploads per shopper, shared through Redis with REDIS_URL.
const limits = createLimiters(
  "reviews",
  {
    redisUrl: env.REDIS_URL,
    limits: { staffMutations: limitOf(env, "STAFF_MUTATIONS"), photoUploads: env.photoUploads },
  },
  log,
);
// Review photos in S3 with S3_BUCKET (presigned POST uploads), else in REVIEW_PHOTOS_DIR (signed forms
// posted to this service's /uploads).
const metrics = createServiceMetrics("reviews");
const photoStorage = await openPhotoStorage({
  s3: env.photosS3 && {
    ...env.photosS3,
    observeBreaker: (breaker) => measureBreaker(metrics.registry, "photo-store", breaker),
  },
  s3PublicEndpoint: env.S3_PUBLIC_ENDPOINT,
  localDir: env.REVIEW_PHOTOS_DIR,
  uploadUrl: env.REVIEW_PHOTO_UPLOAD_URL,
  secret: photoUploadSecret(env.REVIEW_PHOTO_UPLOAD_SECRET, env.EMPORIUM_DATA_DIR),
});
const reviews = createReviewsService({
  storage,
  events,
  products: new CatalogProductDirectory({ url: env.CATALOG_URL }),
  log,
  metrics,
  tokenKey: tokenKey(env.SERVICE_TOKEN_SECRET),
  limits,
  photoStorage,
  photoUploads: limits.photoUploads,
});
await reviews.server.listen(env.REVIEWS_PORT, env.REVIEWS_HOST);
log.info(
  { store: storage.description, photos: photoStorage.objects.description, events: events ? "kafka" : "none" },
  `reviews listening on http://${env.REVIEWS_HOST}:${env.REVIEWS_PORT}`,
);

onShutdown(
  log,
  async () => {
    await reviews.stop();
    await reviews.server.close();
    await limits.close();
    await events?.close();
    await storage.close();
    photoStorage.close();
  },
  { drainMs: env.SHUTDOWN_DRAIN_MS },
);

try {
  await reviews.start();
  log.info("reviews ready");
} catch (err) {
  log.fatal({ err }, "reviews failed to start");
  await storage.close().catch(() => undefined);
  process.exit(1);
}
