import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface ReceivedExport {
  path: string;
  /** The JSON body (gzip undone), or the raw text when it is not JSON. */
  body: unknown;
}

export interface LocalCollector {
  /** Base URL, as OTEL_EXPORTER_OTLP_ENDPOINT or an Application Insights IngestionEndpoint takes it. */
  url: string;
  /** With TLS: the certificate a client must trust (NODE_EXTRA_CA_CERTS) to reach it. */
  certificateFile: string | undefined;
  received: ReceivedExport[];
  close(): Promise<void>;
}

/**
 * A throw-away certificate for 127.0.0.1, made with the openssl command (Debian's ca-certificates,
 * which Node's npm needs anyway, brings it): Azure Monitor's exporter sends over HTTPS only.
 */
function localCertificate(): { key: Buffer; cert: Buffer; certificateFile: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'collector-tls-'));
  const [keyFile, certificateFile] = [join(folder, 'key.pem'), join(folder, 'cert.pem')];
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certificateFile,
  ], { stdio: 'ignore' });
  return { key: readFileSync(keyFile), cert: readFileSync(certificateFile), certificateFile, folder };
}

/**
 * A stand-in for an OpenTelemetry collector (OTLP/HTTP JSON: POST /v1/traces, /v1/metrics) and for
 * Application Insights' ingestion (POST /v2.1/track): answers every export with success and keeps
 * what it got. The bundle test reads it; the benchmark only needs somewhere to send to.
 */
export async function startLocalCollector({ keep = true, tls = false } = {}): Promise<LocalCollector> {
  const received: ReceivedExport[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (keep) {
      let raw = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
      const text = raw.toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text.
      }
      received.push({ path: new URL(req.url ?? '/', 'http://collector').pathname, body });
    }
    const track = req.url?.startsWith('/v2.1/track');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(track ? JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }) : '{}');
  };
  const certificate = tls ? localCertificate() : undefined;
  const server = certificate ? createTlsServer({ key: certificate.key, cert: certificate.cert }, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `${certificate ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    certificateFile: certificate?.certificateFile,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          if (certificate) rmSync(certificate.folder, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
