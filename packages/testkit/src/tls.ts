// Certificates for a test's own TLS servers, made by the openssl CLI in a fresh temporary folder: a CA
// of the test's own and a server certificate it signed for the names given. Nothing is trusted by
// default, so a client that connects without being told about the CA must be refused — which is what
// a test of "certificate verification really happens" relies on.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TestCertificates {
  dir: string;
  /** The CA certificate (PEM): what a client must trust. */
  caFile: string;
  /** The server's certificate (PEM), signed by the CA, for `names`. */
  certFile: string;
  /** The server's private key (PEM, mode 0600). */
  keyFile: string;
  /** Removes the folder. */
  remove(): Promise<void>;
}

export interface TestCertificateOptions {
  /** The names the server certificate holds (default: localhost and 127.0.0.1). */
  names?: { dns?: string[]; ip?: string[] };
}

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await run("openssl", args, { cwd });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? "";
    throw new Error(
      `openssl ${args[0]} failed: ${err instanceof Error ? err.message : String(err)}\n${stderr}`,
    );
  }
}

/** A CA and a server certificate it signed (EC P-256, valid for a day). Needs the openssl CLI. */
export async function testCertificates(options: TestCertificateOptions = {}): Promise<TestCertificates> {
  const dns = options.names?.dns ?? ["localhost"];
  const ip = options.names?.ip ?? ["127.0.0.1"];
  const dir = await mkdtemp(path.join(tmpdir(), "emporium-tls-"));
  const san = [...dns.map((n) => `DNS:${n}`), ...ip.map((n) => `IP:${n}`)].join(",");
  const key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
  await openssl(
    [
      "req",
      "-x509",
      ...key,
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-days",
      "1",
      "-subj",
      "/CN=Emporium test CA",
    ],
    dir,
  );
  await openssl(
    [
      "req",
      ...key,
      "-keyout",
      "server.key",
      "-out",
      "server.csr",
      "-subj",
      `/CN=${dns[0] ?? ip[0] ?? "server"}`,
    ],
    dir,
  );
  // (x509 -req takes the names from an extensions file)
  await writeFile(path.join(dir, "server.ext"), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`);
  await openssl(
    [
      "x509",
      "-req",
      "-in",
      "server.csr",
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      "server.pem",
      "-days",
      "1",
      "-extfile",
      "server.ext",
    ],
    dir,
  );
  return {
    dir,
    caFile: path.join(dir, "ca.pem"),
    certFile: path.join(dir, "server.pem"),
    keyFile: path.join(dir, "server.key"),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
