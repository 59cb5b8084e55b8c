/**
 * The API version each request is served at, noted when its URL's `/vX.Y` prefix is taken off
 * (docker-api.server.ts) and read by what depends on it (headers, stream content types).
 */
import { servedVersion } from './api-version';

/** The version a request's path named (null: none), by its raw Node request. */
const requested = new WeakMap<object, string | null>();

export function noteRequestedVersion(raw: object, version: string | null): void {
  requested.set(raw, version);
}

/** The version named by RAW's path, checked (throws ApiVersionError when not served). */
export function requestVersion(raw: object): string {
  return servedVersion(requested.get(raw) ?? null);
}

/** The version an answer to RAW carries: the one served, or the newest when the request's was refused. */
export function answerVersion(raw: object): string {
  try {
    return requestVersion(raw);
  } catch {
    return servedVersion(null);
  }
}

/** The headers dockerd puts on every answer, for an answer served at VERSION. */
export function dockerAnswerHeaders(version: string, engineVersion: string): Record<string, string> {
  return {
    'Api-Version': version,
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: `Berth/${engineVersion} (linux)`,
  };
}
