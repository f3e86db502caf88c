// A self-signed certificate for the gateway's test host names, made with the openssl CLI: the PEM
// HAProxy loads (certificate + key) and the certificate alone, which clients trust as their CA.
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TestCertificate {
  /** Certificate and key in one PEM file (GATEWAY_CERT). */
  pemFile: string;
  /** The certificate alone, to verify the gateway against. */
  ca: string;
}

export async function makeCertificate(dir: string, hosts: readonly string[]): Promise<TestCertificate> {
  const key = path.join(dir, "gateway.key");
  const cert = path.join(dir, "gateway.crt");
  await run("openssl", [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-days",
    "2",
    "-subj",
    `/CN=${hosts[0] ?? "localhost"}`,
    "-addext",
    `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(",")}`,
    "-keyout",
    key,
    "-out",
    cert,
  ]);
  const ca = await readFile(cert, "utf8");
  const pemFile = path.join(dir, "gateway.pem");
  await writeFile(pemFile, `${ca}${await readFile(key, "utf8")}`, { mode: 0o600 });
  return { pemFile, ca };
}
