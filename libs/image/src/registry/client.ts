/**
 * A client of the distribution API v2: manifests, blobs (with existence
 * checks, cross-repository mounts, monolithic and chunked uploads), tag
 * listing and deletion, behind anonymous, Basic or Bearer-token auth as the
 * registry's challenge asks.
 */
import type { Readable } from 'node:stream';
import { sha256, type Digest } from '../digest';
import { DigestMismatchError } from '../errors';
import { INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES } from '../oci/types';
import {
  basicAuthorization,
  parseChallenge,
  repositoryScope,
  tokenUrl,
  type Challenge,
  type Credentials,
} from './auth';
import { CredentialStore, type CredentialSource } from './credentials';
import { AuthenticationError, RegistryError, type RegistryErrorDetail } from './errors';
import { readAll, Transport, type HttpRequest, type HttpResponse } from './transport';

export interface Repository {
  domain: string;
  path: string;
}

export interface FetchedManifest {
  body: Buffer;
  mediaType: string;
  digest: Digest;
}

export interface RegistryClientOptions {
  credentials?: CredentialSource;
  insecureRegistries?: readonly string[];
}

type Action = 'pull' | 'push';

const MANIFEST_ACCEPT = [...INDEX_MEDIA_TYPES, ...MANIFEST_MEDIA_TYPES].join(', ');

export class RegistryClient {
  readonly transport: Transport;
  private readonly credentials: CredentialSource;
  /** Per registry: the challenge it answered with, and tokens per scope set. */
  private readonly sessions = new Map<string, { challenge?: Challenge; tokens: Map<string, string> }>();

  constructor(options: RegistryClientOptions = {}) {
    this.transport = new Transport(options.insecureRegistries ?? []);
    this.credentials = options.credentials ?? new CredentialStore();
  }

  close(): void {
    this.transport.close();
  }

  private url(repo: Repository, suffix: string): string {
    return `${this.transport.baseUrl(repo.domain)}/v2/${repo.path}/${suffix}`;
  }

  private session(domain: string) {
    let s = this.sessions.get(domain);
    if (!s) this.sessions.set(domain, (s = { tokens: new Map() }));
    return s;
  }

  /** Send REQ with what auth we have; on 401 answer the (new) challenge, with a fresh token, once. */
  private async send(
    domain: string,
    scopes: string[],
    req: HttpRequest,
    login?: Credentials,
  ): Promise<HttpResponse> {
    const session = this.session(domain);
    const attempt = async () => {
      const authorization = session.challenge
        ? await this.authorize(domain, session.challenge, scopes, login)
        : undefined;
      return this.transport.request({
        ...req,
        headers: { ...req.headers, ...(authorization ? { Authorization: authorization } : {}) },
      });
    };
    let res = await attempt();
    if (res.status !== 401) return res;
    res.body.resume();
    const challenge = parseChallenge(String(res.headers['www-authenticate'] ?? ''));
    if (!challenge)
      throw new AuthenticationError(domain, 'the registry refused without saying how to authenticate');
    session.challenge = challenge;
    session.tokens.clear(); // expired, or for other scopes
    res = await attempt();
    if (res.status === 401) {
      res.body.resume();
      throw new AuthenticationError(
        domain,
        `authentication refused; run \`berth login ${domain}\` with valid credentials`,
      );
    }
    return res;
  }

  private async authorize(
    domain: string,
    challenge: Challenge,
    scopes: string[],
    login?: Credentials,
  ): Promise<string> {
    const creds = login ?? this.credentials.get(domain);
    if (challenge.scheme === 'basic') {
      if (!creds)
        throw new AuthenticationError(
          domain,
          `the registry wants a user name and password; run \`berth login ${domain}\``,
        );
      return basicAuthorization(creds);
    }
    if (challenge.scheme !== 'bearer' || !challenge.params.realm)
      throw new AuthenticationError(domain, `unsupported authentication scheme "${challenge.scheme}"`);
    const key = [...scopes].sort().join(' ');
    const session = this.session(domain);
    const cached = session.tokens.get(key);
    if (cached) return `Bearer ${cached}`;
    const res = await this.transport.request({
      method: 'GET',
      url: tokenUrl(challenge, scopes),
      headers: creds ? { Authorization: basicAuthorization(creds) } : {},
    });
    const body = await readAll(res.body);
    if (res.status !== 200)
      throw new AuthenticationError(
        domain,
        `the token service ${new URL(challenge.params.realm).host} refused (HTTP ${res.status})${creds ? '; check the credentials saved by berth login' : `; run \`berth login ${domain}\``}`,
      );
    const parsed = JSON.parse(body.toString('utf8')) as { token?: string; access_token?: string };
    const token = parsed.token ?? parsed.access_token;
    if (!token) throw new AuthenticationError(domain, 'the token service answered without a token');
    session.tokens.set(key, token);
    return `Bearer ${token}`;
  }

  private scopes(repo: Repository, actions: Action[], extra: string[] = []): string[] {
    return [repositoryScope(repo.path, actions), ...extra];
  }

  private async fail(res: HttpResponse, hint = ''): Promise<never> {
    const text = res.body.readable
      ? (await readAll(res.body).catch(() => Buffer.alloc(0))).toString('utf8')
      : '';
    let errors: RegistryErrorDetail[] = [];
    try {
      errors = ((JSON.parse(text) as { errors?: RegistryErrorDetail[] }).errors ?? []).map((e) => ({
        code: e.code,
        message: e.message,
      }));
    } catch {
      if (text.trim()) errors = [{ code: `HTTP_${res.status}`, message: text.trim().slice(0, 200) }];
    }
    throw new RegistryError(res.status, res.url, errors, hint);
  }

  // ---- checks -----------------------------------------------------------------

  /** GET /v2/ with the given (or stored) credentials: what `login` verifies. */
  async ping(domain: string, login?: Credentials): Promise<void> {
    const res = await this.send(
      domain,
      [],
      { method: 'GET', url: `${this.transport.baseUrl(domain)}/v2/` },
      login,
    );
    if (res.status !== 200) await this.fail(res);
    res.body.resume();
  }

  // ---- manifests --------------------------------------------------------------

  async getManifest(repo: Repository, reference: string): Promise<FetchedManifest> {
    const res = await this.send(repo.domain, this.scopes(repo, ['pull']), {
      method: 'GET',
      url: this.url(repo, `manifests/${reference}`),
      headers: { Accept: MANIFEST_ACCEPT },
    });
    if (res.status !== 200)
      await this.fail(res, res.status === 404 ? `no ${reference} in ${repo.domain}/${repo.path}` : '');
    const body = await readAll(res.body);
    const digest = sha256(body);
    if (reference.startsWith('sha256:') && reference !== digest)
      throw new DigestMismatchError(reference, digest, 'manifest');
    const mediaType =
      String(res.headers['content-type'] ?? '').split(';')[0] ||
      (JSON.parse(body.toString()) as { mediaType?: string }).mediaType ||
      '';
    return { body, mediaType, digest };
  }

  async putManifest(repo: Repository, reference: string, body: Buffer, mediaType: string): Promise<Digest> {
    const res = await this.send(repo.domain, this.scopes(repo, ['pull', 'push']), {
      method: 'PUT',
      url: this.url(repo, `manifests/${reference}`),
      headers: { 'Content-Type': mediaType, 'Content-Length': String(body.length) },
      body,
    });
    if (res.status !== 201 && res.status !== 200) await this.fail(res);
    res.body.resume();
    return sha256(body);
  }

  async deleteManifest(repo: Repository, digest: Digest): Promise<void> {
    const res = await this.send(repo.domain, this.scopes(repo, ['pull', 'push']), {
      method: 'DELETE',
      url: this.url(repo, `manifests/${digest}`),
    });
    if (res.status !== 202 && res.status !== 200)
      await this.fail(res, res.status === 405 ? 'the registry does not allow deletes' : '');
    res.body.resume();
  }

  async listTags(repo: Repository): Promise<string[]> {
    const tags: string[] = [];
    let url: string | null = this.url(repo, 'tags/list?n=1000');
    while (url) {
      const res = await this.send(repo.domain, this.scopes(repo, ['pull']), { method: 'GET', url });
      if (res.status !== 200) await this.fail(res);
      tags.push(
        ...((JSON.parse((await readAll(res.body)).toString()) as { tags?: string[] | null }).tags ?? []),
      );
      const link = /<([^>]+)>;\s*rel="next"/.exec(String(res.headers.link ?? ''));
      url = link ? new URL(link[1], url).toString() : null;
    }
    return tags;
  }

  // ---- blobs ------------------------------------------------------------------

  async hasBlob(repo: Repository, digest: Digest): Promise<boolean> {
    const res = await this.send(repo.domain, this.scopes(repo, ['pull']), {
      method: 'HEAD',
      url: this.url(repo, `blobs/${digest}`),
    });
    res.body.resume();
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    return this.fail(res);
  }

  /** The blob's bytes as a stream; the caller verifies them against DIGEST. */
  async getBlob(repo: Repository, digest: Digest): Promise<Readable> {
    const res = await this.send(repo.domain, this.scopes(repo, ['pull']), {
      method: 'GET',
      url: this.url(repo, `blobs/${digest}`),
    });
    if (res.status !== 200) await this.fail(res);
    return res.body;
  }

  /** Ask the registry to link a blob it already has in FROM; false if it would rather have an upload. */
  async mountBlob(repo: Repository, digest: Digest, from: string): Promise<boolean> {
    const res = await this.send(
      repo.domain,
      this.scopes(repo, ['pull', 'push'], [repositoryScope(from, ['pull'])]),
      {
        method: 'POST',
        url: this.url(repo, `blobs/uploads/?mount=${digest}&from=${encodeURIComponent(from)}`),
        headers: { 'Content-Length': '0' },
      },
    );
    res.body.resume();
    if (res.status === 201) return true;
    if (res.status === 202) {
      await this.cancelUpload(repo, res);
      return false;
    }
    return this.fail(res);
  }

  private async cancelUpload(repo: Repository, started: HttpResponse): Promise<void> {
    const location = started.headers.location;
    if (!location) return;
    const res = await this.send(repo.domain, this.scopes(repo, ['pull', 'push']), {
      method: 'DELETE',
      url: new URL(location, started.url).toString(),
    });
    res.body.resume();
  }

  private async startUpload(repo: Repository): Promise<string> {
    const res = await this.send(repo.domain, this.scopes(repo, ['pull', 'push']), {
      method: 'POST',
      url: this.url(repo, 'blobs/uploads/'),
      headers: { 'Content-Length': '0' },
    });
    res.body.resume();
    if (res.status !== 202 || !res.headers.location) await this.fail(res);
    return new URL(String(res.headers.location), res.url).toString();
  }

  private withDigest(location: string, digest: Digest): string {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    return url.toString();
  }

  /** One PUT carrying the whole blob. */
  async uploadBlob(repo: Repository, digest: Digest, size: number, open: () => Readable): Promise<void> {
    const location = await this.startUpload(repo);
    const res = await this.send(repo.domain, this.scopes(repo, ['pull', 'push']), {
      method: 'PUT',
      url: this.withDigest(location, digest),
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) },
      body: open,
    });
    if (res.status !== 201) await this.fail(res);
    res.body.resume();
  }

  /** PATCH chunks of CHUNK_SIZE (from read(offset, length)), then a PUT to close the upload. */
  async uploadBlobChunked(
    repo: Repository,
    digest: Digest,
    size: number,
    chunkSize: number,
    read: (offset: number, length: number) => Buffer,
  ): Promise<void> {
    let location = await this.startUpload(repo);
    for (let offset = 0; offset < size; offset += chunkSize) {
      const chunk = read(offset, Math.min(chunkSize, size - offset));
      const res = await this.send(repo.domain, this.scopes(repo, ['pull', 'push']), {
        method: 'PATCH',
        url: location,
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(chunk.length),
          'Content-Range': `${offset}-${offset + chunk.length - 1}`,
        },
        body: chunk,
      });
      if (res.status !== 202) await this.fail(res);
      res.body.resume();
      location = new URL(String(res.headers.location ?? location), res.url).toString();
    }
    const res = await this.send(repo.domain, this.scopes(repo, ['pull', 'push']), {
      method: 'PUT',
      url: this.withDigest(location, digest),
      headers: { 'Content-Length': '0' },
    });
    if (res.status !== 201) await this.fail(res);
    res.body.resume();
  }
}
