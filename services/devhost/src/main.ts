// The all-in-one development host (`npm run dev`): every backend service in one process on embedded
// defaults — one database (PGlite unless DATABASE_URL is set), the in-process event log and command
// queues shared by all, and each service built by its own `create…` function exactly as its
// standalone main.ts builds it with Kafka and RabbitMQ. The payment provider simulator runs as its own
// process (services/psp), as a real provider would.
import { serviceTokenKey } from "@emporium/auth";
import {
  createCatalogLimits,
  createCatalogService,
  createMediaUploads,
  mediaUploadSecret,
  prepareDatabase,
} from "@emporium/catalog/service";
import { openDatabase } from "@emporium/db";
import {
  createAttemptLimits,
  createIdentityService,
  createMail,
  ensureDevAccounts,
} from "@emporium/identity/service";
import {
  createInventoryApi,
  createInventoryLimits,
  createInventoryWorker,
} from "@emporium/inventory/service";
import { InProcessCommandBus, InProcessEventBus } from "@emporium/messaging";
import { createServiceMetrics, measureBreaker } from "@emporium/observability";
import {
  CatalogVariantLookup,
  createOrdersLimits,
  createOrdersService,
  loadOrCreateDevSecret,
} from "@emporium/orders/service";
import { createLoggerFrom, onShutdown } from "@emporium/runtime";
import { LocalFolderStore } from "@emporium/storage";
import { createFulfillmentWorker } from "@emporium/fulfillment/service";
import { createPaymentWorker, paymentRetryByQueue, PspProvider } from "@emporium/payment/service";
import {
  CatalogProductDirectory,
  createReviewsService,
  openPhotoStorage,
  openReviewsStorage,
  photoUploadSecret,
} from "@emporium/reviews/service";
import { createAuditService, openAuditLog } from "@emporium/audit/service";
import path from "node:path";
import { loadDevhostEnv } from "./env";
import { startTracingFrom } from "@emporium/runtime/tracing";

const env = loadDevhostEnv();
await startTracingFrom(env, "devhost");
const log = createLoggerFrom(env, "devhost");
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.EMPORIUM_DATA_DIR });
const media = new LocalFolderStore(env.MEDIA_DIR);
const events = new InProcessEventBus(log.child({ component: "events" }));
const commands = new InProcessCommandBus(
  log.child({ component: "commands" }),
  undefined,
  paymentRetryByQueue(env.PAYMENT_RETRY_DELAYS_MS),
);

// One key for the service tokens the apps send: SERVICE_TOKEN_SECRET, or a secret made once under .data.
const tokenKey = serviceTokenKey(env.SERVICE_TOKEN_SECRET, env.EMPORIUM_DATA_DIR);
// Rate limits: counted in this process unless REDIS_URL is set.
const catalogLimits = createCatalogLimits(env.catalogLimits, log.child({ service: "catalog" }));
const ordersLimits = createOrdersLimits(env.ordersLimits, log.child({ service: "orders" }));
const inventoryLimits = createInventoryLimits(
  { redisUrl: env.REDIS_URL, staffMutations: env.limits.limits.staffMutations },
  log.child({ service: "inventory" }),
);
const catalog = createCatalogService({
  db,
  media,
  // Browsers upload product images to the admin's /uploads, which forwards them to the catalog.
  ...createMediaUploads({
    media,
    url: "/uploads",
    secret: mediaUploadSecret(undefined, env.EMPORIUM_DATA_DIR),
  }),
  tokenKey,
  log: log.child({ service: "catalog" }),
  metrics: createServiceMetrics("catalog"),
  events,
  limits: catalogLimits,
});
// Sign-in and sign-up attempts: counted in this process unless REDIS_URL is set.
const identityLimits = createAttemptLimits(env.limits, log.child({ service: "identity" }));
// Mail through SMTP_URL, or kept in the dev mailbox, which anyone may read here (a development host).
const identityMail = createMail(env.mail, log.child({ service: "identity" }), true);
const identity = createIdentityService({
  db,
  tokenKey,
  oidc: env.oidc,
  limits: identityLimits,
  mail: identityMail,
  log: log.child({ service: "identity" }),
  metrics: createServiceMetrics("identity"),
  // Staff changes' audit events leave identity's outbox on the shared bus.
  events,
});
const inventoryMetrics = createServiceMetrics("inventory");
const inventoryApi = createInventoryApi({
  db,
  tokenKey,
  log: log.child({ service: "inventory" }),
  metrics: inventoryMetrics,
  limits: inventoryLimits,
});
const ordersMetrics = createServiceMetrics("orders");
const variants = new CatalogVariantLookup({
  url: `http://${env.HOST}:${env.CATALOG_PORT}/trpc`,
  log,
  observeBreaker: (breaker) => measureBreaker(ordersMetrics.registry, "catalog", breaker),
});
const orders = createOrdersService({
  db,
  events,
  commands,
  log: log.child({ service: "orders" }),
  metrics: ordersMetrics,
  variants,
  secret: env.ORDERS_SECRET ? Buffer.from(env.ORDERS_SECRET) : loadOrCreateDevSecret(env.EMPORIUM_DATA_DIR),
  tokenKey,
  reservationTtlMs: env.RESERVATION_TTL_SECONDS * 1000,
  stuckAfterMs: env.ORDERS_STUCK_AFTER_MINUTES * 60_000,
  limits: ordersLimits,
});
// Reviews in memory (MongoDB with MONGO_URL); deliveries on the shared bus make products reviewable.
const reviewsLog = log.child({ service: "reviews" });
const reviewsStorage = openReviewsStorage({
  mongoUrl: env.MONGO_URL,
  mongoDb: env.MONGO_DB,
  log: reviewsLog,
  timeoutMs: env.MONGO_TIMEOUT_MS,
});
// Review photos in <data>/review-photos; the storefront posts signed forms to the reviews API's /uploads.
const reviewPhotos = await openPhotoStorage({
  localDir: path.join(env.EMPORIUM_DATA_DIR, "review-photos"),
  uploadUrl: `http://${env.HOST}:${env.REVIEWS_PORT}/uploads`,
  secret: photoUploadSecret(undefined, env.EMPORIUM_DATA_DIR),
});
const reviews = createReviewsService({
  storage: reviewsStorage,
  products: new CatalogProductDirectory({ url: `http://${env.HOST}:${env.CATALOG_PORT}/trpc` }),
  events,
  tokenKey,
  log: reviewsLog,
  metrics: createServiceMetrics("reviews"),
  photoStorage: reviewPhotos,
});
// The staff audit log in memory (MongoDB with MONGO_URL, database AUDIT_MONGO_DB): every service's staff
// actions arrive on the shared bus.
const auditLogger = log.child({ service: "audit" });
const auditLog = openAuditLog({
  mongoUrl: env.MONGO_URL,
  mongoDb: env.AUDIT_MONGO_DB,
  log: auditLogger,
  timeoutMs: env.MONGO_TIMEOUT_MS,
});
const audit = createAuditService({
  auditLog,
  events,
  tokenKey,
  log: auditLogger,
  metrics: createServiceMetrics("audit"),
});
const workers = [
  createInventoryWorker({
    db,
    events,
    commands,
    log: log.child({ service: "inventory" }),
    metrics: inventoryMetrics,
  }),
  createPaymentWorker({
    db,
    events,
    commands,
    log: log.child({ service: "payment" }),
    metrics: createServiceMetrics("payment"),
    provider: new PspProvider(env.PSP_URL),
    retry: env.PAYMENT_RETRY_DELAYS_MS,
  }),
  createFulfillmentWorker({
    db,
    events,
    commands,
    log: log.child({ service: "fulfillment" }),
    metrics: createServiceMetrics("fulfillment"),
    // Packing slips carry addresses: a private folder, never the media folder the catalog serves.
    store: new LocalFolderStore(path.join(env.EMPORIUM_DATA_DIR, "documents")),
    carrierStepMs: env.CARRIER_STEP_MS,
  }),
];

await catalog.server.listen(env.CATALOG_PORT, env.HOST);
await orders.server.listen(env.ORDERS_PORT, env.HOST);
await identity.server.listen(env.IDENTITY_PORT, env.HOST);
await inventoryApi.server.listen(env.INVENTORY_PORT, env.HOST);
await reviews.server.listen(env.REVIEWS_PORT, env.HOST);
await audit.server.listen(env.AUDIT_PORT, env.HOST);
log.info({ database: db.description }, "backend listening; preparing the database");

onShutdown(log, async () => {
  catalog.readiness.ready = false;
  await identity.stop();
  await reviews.stop();
  await audit.stop();
  await Promise.all(
    [catalog.server, orders.server, identity.server, inventoryApi.server, reviews.server, audit.server].map(
      (s) => s.close(),
    ),
  );
  await reviewsStorage.close();
  await auditLog.close();
  await identityMail.mailer.close();
  await Promise.all([identityLimits, catalogLimits, ordersLimits, inventoryLimits].map((l) => l.close()));
  for (const w of workers) await w.stop();
  await orders.stop();
  await catalog.stop();
  variants.shutdown();
  await commands.close();
  await events.close();
  await db.close();
});

try {
  await prepareDatabase(db, {
    migrate: true,
    seed: { products: env.SEED_PRODUCTS, seed: env.SEED },
    media,
    log,
    readiness: catalog.readiness,
  });
  await ensureDevAccounts(db, log.child({ service: "identity" }));
  await identity.start();
  await catalog.start();
  for (const w of workers) await w.start();
  await orders.start();
  await reviews.start();
  await audit.start();
  catalog.readiness.ready = true;
  catalog.readiness.detail = "ready";
  process.stdout.write(
    [
      "",
      "  Emporium is ready on embedded defaults:",
      "    storefront   http://localhost:3000",
      "    admin        http://localhost:3001",
      `    catalog API  http://${env.HOST}:${env.CATALOG_PORT}/trpc`,
      `    orders API   http://${env.HOST}:${env.ORDERS_PORT}/trpc`,
      `    identity API http://${env.HOST}:${env.IDENTITY_PORT}/trpc (local-only staff: owner@emporium.local / owner-password)`,
      `    inventory API http://${env.HOST}:${env.INVENTORY_PORT}/trpc (staff stock per location)`,
      `    reviews API  http://${env.HOST}:${env.REVIEWS_PORT}/trpc (${reviewsStorage.description})`,
      `    audit API    http://${env.HOST}:${env.AUDIT_PORT}/trpc (staff activity, owners only; ${auditLog.description})`,
      `    payments     ${env.PSP_URL} (simulator; test card 4242 4242 4242 4242)`,
      env.mail.smtpUrl
        ? "    mail         sent through SMTP_URL"
        : "    mail         dev mailbox, http://localhost:3000/dev/mailbox (sign-up confirmation links)",
      "",
    ].join("\n") + "\n",
  );
} catch (err) {
  log.fatal({ err }, "backend failed to start");
  process.exit(1);
}
