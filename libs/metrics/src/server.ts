/**
 * The /metrics listener: plain HTTP on the address --metrics-addr gives, off when none is given.
 * It serves the registry's text exposition and nothing else.
 */
import * as http from 'node:http';
import type { Registry } from 'prom-client';
import { metricsAddrText, type MetricsAddr } from './addr';

export class MetricsListenError extends Error {}

export async function serveMetrics(registry: Registry, addr: MetricsAddr): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('only GET /metrics is served here\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      (error: Error) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new MetricsListenError(
          `cannot serve metrics on ${metricsAddrText(addr)}: ${error.code ?? error.message}; give --metrics-addr a free HOST:PORT of this machine`,
        ),
      ),
    );
    server.listen(addr.port, addr.host, () => resolve());
  });
  return server;
}
