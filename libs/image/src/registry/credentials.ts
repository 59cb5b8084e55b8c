/**
 * Credentials kept by `berth login`, in Docker's config.json format
 * ({"auths": {"host": {"auth": base64("user:pass")}}}), so a Docker config
 * can be pointed at with BERTH_CONFIG and used as is.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Credentials } from './auth';
import { writeFileAtomic } from '../store/atomic';

interface ConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  [key: string]: unknown;
}

export function defaultConfigPath(): string {
  const dir = process.env.BERTH_CONFIG ?? path.join(os.homedir(), '.berth');
  return path.join(dir, 'config.json');
}

/** Docker Hub's credentials live under its old index URL. */
function keysFor(host: string): string[] {
  return host === 'docker.io'
    ? ['https://index.docker.io/v1/', 'docker.io', 'index.docker.io']
    : [host, `https://${host}`, `http://${host}`];
}

/** Where the registry client looks up credentials for a registry host. */
export interface CredentialSource {
  get(host: string): Credentials | null;
}

/** Credentials given for one operation (the engine gets them from the CLI), over another source. */
export class GivenCredentials implements CredentialSource {
  constructor(
    private readonly given: Record<string, Credentials>,
    private readonly fallback: CredentialSource | null = null,
  ) {}

  get(host: string): Credentials | null {
    return this.given[host] ?? this.fallback?.get(host) ?? null;
  }
}

export class CredentialStore implements CredentialSource {
  constructor(readonly file: string = defaultConfigPath()) {}

  private read(): ConfigFile {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as ConfigFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new Error(`${this.file}: ${(error as Error).message}`, { cause: error });
    }
  }

  get(host: string): Credentials | null {
    const auths = this.read().auths ?? {};
    for (const key of keysFor(host)) {
      const entry = auths[key];
      if (!entry) continue;
      if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
      }
      if (entry.username && entry.password) return { username: entry.username, password: entry.password };
    }
    return null;
  }

  set(host: string, credentials: Credentials): void {
    const config = this.read();
    config.auths = {
      ...config.auths,
      [keysFor(host)[0]]: {
        auth: Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'),
      },
    };
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.file, JSON.stringify(config, null, '\t') + '\n');
    fs.chmodSync(this.file, 0o600);
  }

  remove(host: string): boolean {
    const config = this.read();
    const keys = keysFor(host).filter((k) => config.auths?.[k]);
    if (!keys.length) return false;
    for (const k of keys) delete config.auths![k];
    writeFileAtomic(this.file, JSON.stringify(config, null, '\t') + '\n');
    return true;
  }
}
