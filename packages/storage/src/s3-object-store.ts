// The object store on S3 or any S3-API server (S3Proxy, MinIO, Ceph). Every request runs under a
// deadline that aborts it and through one circuit breaker for the whole bucket: a dead or hanging S3
// fails fast instead of tying up every caller. Retries are left to the caller's layer (the command
// bus retries a failed handler with backoff), so the SDK makes one attempt per call.
import {
  BucketLocationConstraint,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { contentTypeFor } from "./content-type";
import { Guard, type CircuitState, type ObservableBreaker } from "./circuit";
import { assertValidKey, assertValidPrefix } from "./object-store";
import type { ObjectStore, StoredObject, SweepableStore } from "./object-store";

export interface S3ObjectStoreOptions {
  bucket: string;
  /** An S3-API server's URL; leave out for AWS itself. */
  endpoint?: string | undefined;
  region?: string | undefined;
  /** Static credentials; leave out to use the SDK's default chain (environment, IAM role, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Bucket in the path rather than the host name (most self-hosted S3 servers need this). */
  forcePathStyle?: boolean | undefined;
  /** Deadline of one call, body transfer included (default 5 s). */
  timeoutMs?: number | undefined;
  /** How long the breaker stays open before letting a trial call through (default 10 s). */
  breakerResetMs?: number | undefined;
  /** Told whenever the breaker opens, half-opens or closes. */
  onBreakerStateChange?: ((state: CircuitState) => void) | undefined;
  /** Handed the breaker once it is built (its metrics). */
  observeBreaker?: ((breaker: ObservableBreaker) => void) | undefined;
  /** A ready client (tests); otherwise one is built from the options above. */
  client?: S3Client | undefined;
}

function statusOf(err: unknown): number | undefined {
  return err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;
}

/** "No such key" as S3 says it: NoSuchKey from GET, a bare 404 (NotFound) from HEAD. */
function isMissingKey(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === "NoSuchKey" || err.name === "NotFound");
}

/** A 4xx other than throttling or a request timeout means S3 is up and answered. */
function isAnswer(err: unknown): boolean {
  const status = statusOf(err);
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Outside us-east-1, AWS wants the bucket's region named when it is created. */
function locationConstraint(region: string): BucketLocationConstraint | undefined {
  return region === "us-east-1"
    ? undefined
    : Object.values(BucketLocationConstraint).find((c) => c === region);
}

export function s3Client(options: S3ObjectStoreOptions): S3Client {
  return new S3Client({
    region: options.region ?? "us-east-1",
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
    maxAttempts: 1,
    // Checksums only where the API requires them: S3-compatible servers vary in what they accept.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export class S3ObjectStore implements ObjectStore, SweepableStore {
  readonly description: string;
  readonly bucket: string;
  private readonly region: string;
  private readonly client: S3Client;
  private readonly ownsClient: boolean;
  private readonly guard: Guard;

  constructor(options: S3ObjectStoreOptions) {
    this.bucket = options.bucket;
    this.region = options.region ?? "us-east-1";
    this.client = options.client ?? s3Client(options);
    this.ownsClient = !options.client;
    this.description = `S3 bucket ${options.bucket}${options.endpoint ? ` at ${options.endpoint}` : ""}`;
    this.guard = new Guard({
      name: `S3 ${options.bucket}`,
      timeoutMs: options.timeoutMs ?? 5_000,
      resetTimeoutMs: options.breakerResetMs ?? 10_000,
      onStateChange: options.onBreakerStateChange,
      observeBreaker: options.observeBreaker,
      isAnswer,
    });
  }

  /** The breaker's state, for metrics and readiness. */
  get breakerState(): CircuitState {
    return this.guard.state;
  }

  /** Creates the bucket unless it exists already (another process may create it at the same time). */
  async ensureBucket(): Promise<void> {
    const Bucket = this.bucket;
    await this.guard.run("ensureBucket", async (abortSignal) => {
      try {
        await this.client.send(new HeadBucketCommand({ Bucket }), { abortSignal });
        return;
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
      const LocationConstraint = locationConstraint(this.region);
      try {
        await this.client.send(
          new CreateBucketCommand({
            Bucket,
            ...(LocationConstraint ? { CreateBucketConfiguration: { LocationConstraint } } : {}),
          }),
          { abortSignal },
        );
      } catch (err) {
        const raced = err instanceof S3ServiceException && err.name === "BucketAlreadyOwnedByYou";
        if (!raced) throw err;
      }
    });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    assertValidKey(key);
    await this.guard.run(`put ${key}`, async (abortSignal) => {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.length,
        }),
        { abortSignal },
      );
    });
  }

  async get(key: string): Promise<StoredObject | null> {
    return this.runOnKey("get", key, null, async (abortSignal) => {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
        abortSignal,
      });
      if (!out.Body) throw new Error(`S3 returned no body for ${key}`);
      // Read inside the guarded call, so the deadline covers a body that stalls half-way.
      const body = Buffer.from(await out.Body.transformToByteArray());
      return { body, contentType: out.ContentType ?? contentTypeFor(key), size: body.length };
    });
  }

  async exists(key: string): Promise<boolean> {
    return this.runOnKey("exists", key, false, async (abortSignal) => {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal });
      return true;
    });
  }

  // S3 answers 204 for a missing key; some compatible servers say 404 instead. Either way it is gone.
  async delete(key: string): Promise<void> {
    await this.runOnKey("delete", key, undefined, async (abortSignal) => {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal });
    });
  }

  /**
   * One guarded call about one key, where S3 saying the key does not exist is an answer (`missing`)
   * rather than a failure.
   */
  private runOnKey<T>(
    operation: string,
    key: string,
    missing: T,
    call: (abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    assertValidKey(key);
    return this.guard.run(`${operation} ${key}`, async (abortSignal) => {
      try {
        return await call(abortSignal);
      } catch (err) {
        if (isMissingKey(err)) return missing;
        throw err;
      }
    });
  }

  // On AWS a lifecycle rule on the prefix does the same without any calls; this keeps S3-API servers
  // without lifecycle support (and buckets nobody configured) tidy as well.
  async deleteOlderThan(prefix: string, cutoff: Date): Promise<number> {
    assertValidPrefix(prefix);
    let deleted = 0;
    let token: string | undefined;
    do {
      const page = await this.guard.run(`list ${prefix}`, (abortSignal) =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
          { abortSignal },
        ),
      );
      for (const object of page.Contents ?? [])
        if (object.Key && object.LastModified && object.LastModified < cutoff) {
          await this.delete(object.Key);
          deleted++;
        }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  }

  /** Stops the breaker and closes the connections of a client this store built. */
  close(): void {
    this.guard.shutdown();
    if (this.ownsClient) this.client.destroy();
  }
}
