/**
 * Image references, parsed and normalised as Docker does:
 *   busybox                      → docker.io/library/busybox:latest
 *   localhost:5000/team/app:1.2  → localhost:5000/team/app:1.2
 *   name@sha256:…                → docker.io/library/name@sha256:… (no tag)
 * Pure.
 */
import { InvalidReferenceError } from './errors';
import type { Digest } from './digest';

export const DEFAULT_DOMAIN = 'docker.io';
export const DEFAULT_TAG = 'latest';

export interface Reference {
  /** Registry host (and port): docker.io, localhost:5000, registry.example.com. */
  domain: string;
  /** Repository path: library/busybox, team/app. */
  path: string;
  tag?: string;
  digest?: Digest;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;

function isDomain(component: string): boolean {
  return (
    component.includes('.') || component.includes(':') || component === 'localhost' || /[A-Z]/.test(component)
  );
}

function validDomain(domain: string): boolean {
  const [host, port, ...rest] = domain.split(':');
  if (rest.length || (port !== undefined && !/^\d+$/.test(port))) return false;
  if (host.startsWith('[') && host.endsWith(']')) return true; // IPv6 literal
  return host.split('.').every((c) => DOMAIN_COMPONENT.test(c));
}

export function parseReference(input: string): Reference {
  const fail = (reason: string): never => {
    throw new InvalidReferenceError(input, reason);
  };
  if (!input) fail('empty');
  let rest = input;
  let digest: Digest | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const d = rest.slice(at + 1);
    if (!DIGEST.test(d)) fail(`"${d}" is not a sha256 digest`);
    digest = d as Digest;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    if (!TAG.test(tag)) fail(`tag "${tag}" must be 1 to 128 characters of letters, digits, '_', '.' and '-'`);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let domain = DEFAULT_DOMAIN;
  if (parts.length > 1 && isDomain(parts[0])) {
    domain = parts.shift()!;
    if (!validDomain(domain)) fail(`"${domain}" is not a valid registry host`);
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  for (const p of parts) {
    if (p !== p.toLowerCase()) fail('repository name must be lowercase');
    if (!PATH_COMPONENT.test(p)) fail(`"${p}" is not a valid repository name component`);
  }
  if (domain === DEFAULT_DOMAIN && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  if (domain.length + 1 + path.length > 255) fail('repository name is longer than 255 characters');
  if (!tag && !digest) tag = DEFAULT_TAG;
  return { domain, path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The repository: docker.io/library/busybox. */
export function repository(ref: Reference): string {
  return `${ref.domain}/${ref.path}`;
}

/** The full, normalised form: docker.io/library/busybox:latest, …@sha256:… */
export function formatReference(ref: Reference): string {
  return `${repository(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The form Docker shows: busybox:latest, team/app:1 on Docker Hub; full elsewhere. */
export function familiarName(ref: Reference): string {
  const repo =
    ref.domain === DEFAULT_DOMAIN
      ? ref.path.startsWith('library/') && ref.path.split('/').length === 2
        ? ref.path.slice('library/'.length)
        : ref.path
      : repository(ref);
  return `${repo}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** The same repository at another tag (for tagging and pushing). */
export function withTag(ref: Reference, tag: string): Reference {
  return { domain: ref.domain, path: ref.path, tag };
}

export function normaliseReference(input: string): string {
  return formatReference(parseReference(input));
}
