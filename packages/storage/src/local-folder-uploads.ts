// Browser uploads for the embedded store: the backend signs a policy (HMAC, see signed-upload-policy)
// and mounts `createLocalUploadHandler` at the URL it hands out. The handler reads the multipart form
// with busboy, checks the signature, expiry, key and content type before it keeps a byte of the file,
// counts the bytes against the policy's range and a hard cap, and writes the object only when the
// whole file arrived within the range — a refused upload leaves nothing in the folder.
import type { IncomingMessage, ServerResponse } from "node:http";
import busboy from "busboy";
import { assertValidKey, type ObjectStore } from "./object-store";
import {
  POLICY_FIELD,
  SIGNATURE_FIELD,
  signPolicy,
  UploadRefusedError,
  verifyPolicy,
} from "./signed-upload-policy";
import { assertValidPolicy, type PresignedUpload, type UploadPolicy, type UploadTarget } from "./upload";

export interface LocalFolderUploadsOptions {
  /**
   * Where browsers POST the form: an absolute URL, or a path on the page's own origin (e.g. "/uploads"
   * when the admin forwards it to the backend that mounts the handler).
   */
  url: string;
  /** Signs the policies; the handler must be given the same secret. At least 32 bytes. */
  secret: Uint8Array;
  now?: () => number;
}

export class LocalFolderUploads implements UploadTarget {
  readonly description: string;
  private readonly now: () => number;

  constructor(private readonly options: LocalFolderUploadsOptions) {
    if (options.secret.length < 32) throw new RangeError("the upload signing secret needs at least 32 bytes");
    this.now = options.now ?? Date.now;
    this.description = `signed form uploads to ${options.url}`;
  }

  // async, so a bad key or policy rejects the promise as the S3 adapter's does.
  async createPresignedUpload(key: string, policy: UploadPolicy): Promise<PresignedUpload> {
    assertValidKey(key);
    assertValidPolicy(policy);
    const expiresAt = this.now() + policy.expiresInSeconds * 1000;
    const signed = signPolicy(
      {
        key,
        contentType: policy.contentType,
        minBytes: policy.minBytes,
        maxBytes: policy.maxBytes,
        expiresAt,
      },
      this.options.secret,
    );
    return {
      url: this.options.url,
      fields: {
        key,
        "Content-Type": policy.contentType,
        [POLICY_FIELD]: signed.policy,
        [SIGNATURE_FIELD]: signed.signature,
      },
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }
}

export interface LocalUploadHandlerOptions {
  /** Where accepted files go (the store the backend reads them back from). */
  store: ObjectStore;
  secret: Uint8Array;
  /** Hard cap on one request body whatever a policy says; the request is cut off beyond it. */
  maxBodyBytes: number;
  now?: () => number;
}

// Room for the form fields and multipart boundaries around the file.
const FORM_OVERHEAD_BYTES = 64 * 1024;

function send(res: ServerResponse, status: number, body?: { error: string; message: string }): void {
  if (res.headersSent) return;
  const text = body ? JSON.stringify(body) : "";
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  });
  res.end(text);
}

/** Handles one POST of a signed upload form. Answers 204 when stored, 4xx with `{ error, message }` otherwise. */
export function createLocalUploadHandler(
  options: LocalUploadHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const now = options.now ?? Date.now;
  const bodyCap = options.maxBodyBytes + FORM_OVERHEAD_BYTES;

  return (req, res) =>
    new Promise<void>((resolve) => {
      let done = false;
      let received = 0;
      const bodyCapExceeded = () => received > bodyCap;
      const finish = (status: number, body?: { error: string; message: string }) => {
        if (done) return;
        done = true;
        resolve();
        if (req.complete) return send(res, status, body);
        // Browsers report a connection closed mid-upload as a network error, not as our answer: read
        // (and discard) the rest of a refused body up to the hard cap, answer, and only then close.
        req.unpipe();
        const answerAndClose = () => {
          send(res, status, body);
          res.on("finish", () => req.destroy());
        };
        if (bodyCapExceeded()) return answerAndClose();
        req.on("data", () => {
          if (bodyCapExceeded() && !res.headersSent) answerAndClose();
        });
        req.once("end", () => send(res, status, body));
        req.resume();
      };
      const refuse = (err: unknown) => {
        if (err instanceof UploadRefusedError)
          return finish(err.status, { error: err.code, message: err.message });
        finish(400, {
          error: "MalformedPOSTRequest",
          message: "The upload is not a readable multipart form",
        });
      };

      req.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (bodyCapExceeded())
          refuse(new UploadRefusedError("EntityTooLarge", 413, "The file is larger than this upload allows"));
      });

      const declared = Number(req.headers["content-length"]);
      if (Number.isFinite(declared) && declared > bodyCap)
        return refuse(
          new UploadRefusedError("EntityTooLarge", 413, "The file is larger than this upload allows"),
        );

      let parser: busboy.Busboy;
      try {
        parser = busboy({
          headers: req.headers,
          limits: { files: 1, fields: 20, fieldSize: 8 * 1024, fileSize: options.maxBodyBytes, parts: 30 },
        });
      } catch {
        return refuse(
          new UploadRefusedError("InvalidArgument", 400, "The upload must be multipart/form-data"),
        );
      }

      const fields = new Map<string, string>();
      let stored: Promise<void> | null = null;

      parser.on("field", (name, value) => fields.set(name, value));
      parser.on("file", (name, stream) => {
        if (done || name !== "file") {
          stream.resume();
          if (name !== "file")
            refuse(
              new UploadRefusedError(
                "InvalidArgument",
                400,
                "The file must be sent as the form field 'file'",
              ),
            );
          return;
        }
        let policy;
        try {
          // Checked before a byte of the file is kept, as S3 does: fields after the file do not count.
          policy = verifyPolicy(
            fields.get(POLICY_FIELD) ?? "",
            fields.get(SIGNATURE_FIELD) ?? "",
            options.secret,
            now(),
          );
          if (fields.get("key") !== policy.key)
            throw new UploadRefusedError(
              "AccessDenied",
              403,
              "The key field does not match the signed policy",
            );
          if (fields.get("Content-Type") !== policy.contentType)
            throw new UploadRefusedError(
              "AccessDenied",
              403,
              `The Content-Type field must be ${policy.contentType}, as signed`,
            );
          assertValidKey(policy.key);
        } catch (err) {
          stream.resume();
          return refuse(err);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const tooLarge = () =>
          refuse(
            new UploadRefusedError(
              "EntityTooLarge",
              400,
              `The file is larger than this upload allows (at most ${policy.maxBytes} bytes)`,
            ),
          );
        stream.on("data", (chunk: Buffer) => {
          if (done) return;
          size += chunk.length;
          if (size > policy.maxBytes) return tooLarge();
          chunks.push(chunk);
        });
        stream.on("limit", tooLarge);
        stream.on("end", () => {
          if (done) return;
          if (size < policy.minBytes)
            return refuse(
              new UploadRefusedError(
                "EntityTooSmall",
                400,
                `The file is smaller than this upload allows (at least ${policy.minBytes} bytes)`,
              ),
            );
          stored = options.store.put(policy.key, Buffer.concat(chunks, size), policy.contentType);
        });
      });
      parser.on("close", () => {
        if (done) return;
        if (!stored)
          return refuse(new UploadRefusedError("InvalidArgument", 400, "The form carries no file"));
        stored.then(
          () => finish(204),
          () =>
            finish(500, {
              error: "InternalError",
              message: "The file could not be stored; please try again",
            }),
        );
      });
      parser.on("error", refuse);
      req.on("error", () => finish(400, { error: "IncompleteBody", message: "The upload was interrupted" }));
      req.pipe(parser);
    });
}
