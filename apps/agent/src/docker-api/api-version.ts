/**
 * The Docker Engine API's versioning, as dockerd does it: a request path may start with
 * `/v<major>.<minor>`; without it the newest version served applies; a version outside what is
 * served is refused with dockerd's words. Pure.
 */

/** The oldest API version served (Docker 20.10's). */
export const MIN_API_VERSION = '1.41';
/** The newest API version served: what the installed docker 28 client asks for. */
export const MAX_API_VERSION = '1.50';

const VERSIONED = /^\/v(\d+)\.(\d+)(\/.*|$)/;

export interface ApiPath {
  /** the version the path names, or null when it names none */
  version: string | null;
  /** the path without its version prefix, never empty */
  path: string;
}

/** `/v1.43/containers/json` → version 1.43, path `/containers/json`. */
export function splitApiPath(path: string): ApiPath {
  const m = VERSIONED.exec(path);
  if (!m) return { version: null, path };
  return { version: `${Number(m[1])}.${Number(m[2])}`, path: m[3] || '/' };
}

/** Orders two `major.minor` versions: negative when A is older than B. */
export function compareApiVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

export class ApiVersionError extends Error {
  constructor(
    readonly requested: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiVersionError';
  }
}

/** The version a request is served at: the one it names, if served, else the newest. */
export function servedVersion(requested: string | null): string {
  if (requested === null) return MAX_API_VERSION;
  if (compareApiVersions(requested, MIN_API_VERSION) < 0)
    throw new ApiVersionError(
      requested,
      `client version ${requested} is too old. Minimum supported API version is ${MIN_API_VERSION}, please upgrade your client to a newer version`,
    );
  if (compareApiVersions(requested, MAX_API_VERSION) > 0)
    throw new ApiVersionError(
      requested,
      `client version ${requested} is too new. Maximum supported API version is ${MAX_API_VERSION}`,
    );
  return requested;
}
