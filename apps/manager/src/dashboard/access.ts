/**
 * Who may see the dashboard: a client certificate of the cluster with the manager role (as the
 * CLI's), or the dashboard's bearer token — in an `Authorization: Bearer` header, in the cookie,
 * or once in the URL (`?token=`), which is then traded for the cookie and dropped from the
 * address, so a browser can open the page from a link. Pure.
 */
import * as crypto from 'node:crypto';

export const TOKEN_COOKIE = 'berth_dashboard';

/** what the TLS handshake said of the client's certificate (verified against the cluster's CA) */
export type CertificateSeen = { role: 'manager' | 'worker' } | 'none' | 'not-from-this-cluster';

export interface AccessRequest {
  /** the request's path and query, as in the request line */
  url: string;
  authorization?: string;
  cookie?: string;
  certificate: CertificateSeen;
}

export type AccessDecision =
  | { admit: true; via: 'certificate' | 'header' | 'cookie' }
  /** the token came in the URL: set the cookie and send the browser to the same URL without it */
  | { admit: true; via: 'url'; setCookie: string; location: string }
  | { admit: false; why: string };

function sameToken(given: string, token: string): boolean {
  // compared as digests: the same length always, and in constant time
  const digest = (text: string) => crypto.createHash('sha256').update(text).digest();
  return crypto.timingSafeEqual(digest(given), digest(token));
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The cookie that carries TOKEN: not readable by scripts, sent only over HTTPS, only to this site. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; Secure; SameSite=Strict`;
}

export function decideAccess(request: AccessRequest, token: string): AccessDecision {
  if (typeof request.certificate === 'object') {
    if (request.certificate.role === 'manager') return { admit: true, via: 'certificate' };
    return {
      admit: false,
      why: 'a worker certificate does not open the dashboard: use a manager one or the token',
    };
  }
  const bearer = /^Bearer (.+)$/i.exec(request.authorization ?? '')?.[1];
  if (bearer !== undefined)
    return sameToken(bearer, token)
      ? { admit: true, via: 'header' }
      : { admit: false, why: 'wrong bearer token' };
  const url = new URL(request.url, 'https://dashboard');
  const inUrl = url.searchParams.get('token');
  if (inUrl !== null) {
    if (!sameToken(inUrl, token)) return { admit: false, why: 'wrong token in the URL' };
    url.searchParams.delete('token');
    return { admit: true, via: 'url', setCookie: tokenCookie(token), location: url.pathname + url.search };
  }
  const fromCookie = cookieValue(request.cookie, TOKEN_COOKIE);
  if (fromCookie !== undefined)
    return sameToken(fromCookie, token)
      ? { admit: true, via: 'cookie' }
      : { admit: false, why: 'stale cookie' };
  const certificate =
    request.certificate === 'not-from-this-cluster' ? "a certificate not from this cluster's CA, and " : '';
  return {
    admit: false,
    why: `${certificate}no token: open the page once as /?token=TOKEN (the token is in the manager's --dashboard-token-file)`,
  };
}

/** A fresh token: 32 random bytes, URL-safe. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The token in a token file's TEXT (its first line); null when there is none. */
export function tokenOfFile(text: string): string | null {
  const token = text.split('\n')[0].trim();
  return token.length ? token : null;
}

/**
 * The page's Content-Security-Policy: its one inline script runs (named by its digest, so an
 * injected one would not), styles may be inline, and it talks to this listener only.
 */
export function pagePolicy(html: string): string {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ') || "'none'"}`,
    "style-src 'unsafe-inline'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
