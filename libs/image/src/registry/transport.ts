/**
 * HTTP to registries: keep-alive connections, HTTPS unless the host is
 * marked insecure, redirects followed for reads (without carrying our
 * credentials to another host), and network failures turned into errors
 * that say what to do.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import { RegistryUnreachableError } from './errors';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
  url: string;
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** A buffer, or a function making a fresh stream (a retry after 401 needs a second one). */
  body?: Buffer | (() => Readable);
}

/** Hosts that get plain HTTP: loopback, as Docker treats it, plus what the user lists. */
export function isInsecureByDefault(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || /^127\./.test(name) || name === '[::1]';
}

/** docker.io is served from registry-1.docker.io. */
export function registryHost(domain: string): string {
  return domain === 'docker.io' ? 'registry-1.docker.io' : domain;
}

export class Transport {
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 16 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 16 }),
  };

  constructor(private readonly insecureHosts: readonly string[] = []) {}

  isInsecure(domain: string): boolean {
    return isInsecureByDefault(domain) || this.insecureHosts.includes(domain);
  }

  baseUrl(domain: string): string {
    return `${this.isInsecure(domain) ? 'http' : 'https'}://${registryHost(domain)}`;
  }

  async request(req: HttpRequest, redirects = 5): Promise<HttpResponse> {
    const res = await this.send(req);
    const location = res.headers.location;
    if (
      location &&
      [301, 302, 303, 307, 308].includes(res.status) &&
      redirects > 0 &&
      (req.method === 'GET' || req.method === 'HEAD')
    ) {
      res.body.resume();
      const next = new URL(location, req.url);
      const headers = { ...req.headers };
      if (next.host !== new URL(req.url).host) delete headers.Authorization; // credentials are for the registry only
      return this.request({ ...req, url: next.toString(), headers }, redirects - 1);
    }
    return res;
  }

  private send(req: HttpRequest): Promise<HttpResponse> {
    const url = new URL(req.url);
    const secure = url.protocol === 'https:';
    const lib = secure ? https : http;
    return new Promise((resolve, reject) => {
      const outgoing = lib.request(
        url,
        {
          method: req.method,
          headers: { 'User-Agent': 'berth/0.1', ...req.headers },
          agent: secure ? this.agents.https : this.agents.http,
        },
        (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res, url: req.url }),
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => reject(unreachable(url, secure, error)));
      if (Buffer.isBuffer(req.body)) outgoing.end(req.body);
      else if (req.body) {
        const body = req.body();
        body.on('error', (error) => outgoing.destroy(error));
        body.pipe(outgoing);
      } else outgoing.end();
    });
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

function unreachable(url: URL, secure: boolean, error: NodeJS.ErrnoException): RegistryUnreachableError {
  const code = error.code ?? error.message;
  let hint = 'check the address, that the registry is running, and the network';
  if (code === 'ECONNREFUSED') hint = 'nothing listens there; is the registry running on that port?';
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') hint = 'the host name does not resolve';
  else if (secure && /wrong version number|EPROTO|packet length too long/i.test(error.message))
    hint = 'it does not speak HTTPS; if it serves plain HTTP, mark it insecure (--insecure-registry)';
  else if (/certificate|self.signed|CERT_/i.test(code + error.message))
    hint =
      'its TLS certificate is not trusted by this machine; install its CA, or mark it insecure if it serves plain HTTP';
  return new RegistryUnreachableError(url.host, code, hint);
}

export async function readAll(stream: Readable, limit = 64 << 20): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`response larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
