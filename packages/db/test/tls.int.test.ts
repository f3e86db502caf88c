// PostgreSQL over TLS the way DATABASE_URL asks for it: a cluster of this test's own serving TLS with a
// certificate from a CA made here, for the name `localhost` only, reached through openDatabase (the
// pool that Prisma, the raw SQL and the migrations share, and the LISTEN connection). With
// sslmode=verify-full and sslrootcert naming the CA every connection is encrypted; without the CA, or
// at an address the certificate does not name, the connection is refused: verification really happens.
// Runs where the real-server suites run (TEST_DATABASE_URL set); it needs initdb/postgres and openssl.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realServer, waitFor } from "@emporium/testkit";
import {
  dedicatedPostgres,
  testCertificates,
  type DedicatedPostgres,
  type TestCertificates,
} from "@emporium/testkit/processes";
import { openDatabase, type Database } from "../src";

const guard = realServer("TEST_DATABASE_URL", "PostgreSQL over TLS");

describe.runIf(guard.available)("openDatabase over TLS (sslmode=verify-full)", () => {
  let certs: TestCertificates;
  let server: DedicatedPostgres;
  const opened: Database[] = [];
  const open = async (url: string) => {
    const db = await openDatabase({ databaseUrl: url, poolSize: 2 });
    opened.push(db);
    return db;
  };

  beforeAll(async () => {
    certs = await testCertificates({ names: { dns: ["localhost"], ip: [] } });
    server = await dedicatedPostgres({ tls: certs });
  });
  afterAll(async () => {
    for (const db of opened) await db.close();
    await server?.remove();
    await certs?.remove();
  });

  it("encrypts every connection — Prisma's, raw SQL's and the listener's — when the CA is given", async () => {
    const db = await open(server.url({ sslmode: "verify-full", sslrootcert: certs.caFile }));
    const mine = "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()";
    const [raw] = await db.sql.query<{ ssl: boolean; version: string }>(mine);
    expect(raw).toMatchObject({ ssl: true, version: expect.stringMatching(/^TLSv1\.[23]$/) });
    const viaPrisma = await db.prisma.$queryRawUnsafe<{ ssl: boolean }[]>(mine);
    expect(viaPrisma).toEqual([expect.objectContaining({ ssl: true })]);

    const heard: string[] = [];
    const stop = await db.listen("tls_test", (payload) => heard.push(payload));
    await db.sql.query("SELECT pg_notify('tls_test', 'over tls')");
    await waitFor(() => heard.length > 0, { what: "the notification" });
    expect(heard).toEqual(["over tls"]);
    // No connection of this cluster (the listener's included) is in the clear.
    const plain = await db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.backend_type = 'client backend' AND NOT s.ssl",
    );
    expect(plain).toEqual([{ n: 0 }]);
    await stop();
  });

  it("refuses a server whose certificate no trusted CA signed", async () => {
    const db = await open(server.url({ sslmode: "verify-full" }));
    await expect(db.sql.query("SELECT 1")).rejects.toThrow("unable to verify the first certificate");
  });

  it("refuses a certificate that does not name the address connected to", async () => {
    const url = server
      .url({ sslmode: "verify-full", sslrootcert: certs.caFile })
      .replace("localhost", "127.0.0.1");
    const db = await open(url);
    await expect(db.sql.query("SELECT 1")).rejects.toThrow(/IP: 127\.0\.0\.1 is not in the cert's list/);
  });
});
