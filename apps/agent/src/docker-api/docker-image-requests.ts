/**
 * What the image routes of the Docker Engine API are asked, read into the engine's terms:
 * registry credentials from X-Registry-Auth, the references pull, import and tag name, a
 * build's query, progress events as JSON messages, and Docker's "No such image". Pure.
 */
import {
  applyConfigChange,
  AuthenticationError,
  ConfigChangeError,
  familiarName,
  parseReference,
  type ContainerConfig,
  type Credentials,
  type Platform,
  type ProgressEvent,
} from '@berth/image';
import { Status } from '@berth/proto';
import { EngineError, InvalidArgumentError, NotFoundError } from '../errors';
import { FilterError } from './docker-views';
import type { JsonMessage } from './json-stream';
import { all, flag, last, type Query } from './query';

/** X-Registry-Auth: base64url JSON of {username, password, serveraddress}; none, or empty, is none. */
export function registryAuth(header: string | undefined): Credentials | undefined {
  if (!header) return undefined;
  let auth: unknown;
  try {
    auth = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidArgumentError('invalid X-Registry-Auth header: it must be base64url-encoded JSON');
  }
  if (!auth || typeof auth !== 'object') return undefined;
  const { username, password } = auth as { username?: unknown; password?: unknown };
  return typeof username === 'string' && username
    ? { username, password: typeof password === 'string' ? password : '' }
    : undefined;
}

/** `fromImage` and `tag` as one reference: a tag replaces fromImage's, a digest is kept. */
export function pullReference(fromImage: string, tag: string | undefined): string {
  if (!tag || fromImage.includes('@')) return fromImage;
  const repository = fromImage.replace(/:[^:/]*$/, '');
  return tag.startsWith('sha256:') ? `${repository}@${tag}` : `${repository}:${tag}`;
}

/** The name an import or a tag gives: REPO with TAG (a tag in REPO when TAG is empty). */
export function taggedName(repo: string, tag: string | undefined): string {
  return tag ? `${repo.replace(/:[^:/]*$/, '')}:${tag}` : repo;
}

/** `os/arch[/variant]` as a platform to pull. */
export function platformOf(text: string): Platform {
  const [os, architecture, variant] = text.split('/');
  if (!os || !architecture)
    throw new InvalidArgumentError(`invalid platform "${text}": it must be os/arch or os/arch/variant`);
  return { os, architecture, ...(variant ? { variant } : {}) };
}

/** An import's `changes` (Dockerfile instructions: CMD, ENV, …) as the image's settings. */
export function importConfig(changes: readonly string[]): ContainerConfig {
  let config: ContainerConfig = {};
  try {
    for (const change of changes) config = applyConfigChange(config, change);
  } catch (error) {
    if (error instanceof ConfigChangeError) throw new InvalidArgumentError(error.message);
    throw error;
  }
  return config;
}

/** Whether a prune's FILTERS (`key=value`) ask for every unused image (`dangling=false`), not only untagged ones. */
export function prunesAll(filters: readonly string[]): boolean {
  let all = false;
  for (const filter of filters) {
    const [key, value] = [filter.slice(0, filter.indexOf('=')), filter.slice(filter.indexOf('=') + 1)];
    if (key !== 'dangling')
      throw new FilterError(`invalid filter '${key}': images are pruned by dangling only`);
    all = value === 'false' || value === '0';
  }
  return all;
}

/** Docker's 404 for an image NAME that is not here, the name as dockerd prints it. */
export function noSuchImage(name: string): NotFoundError {
  return new NotFoundError(`No such image: ${displayName(name)}`);
}

function displayName(name: string): string {
  if (/^(sha256:)?[0-9a-f]{4,64}$/.test(name)) return name;
  try {
    return familiarName(parseReference(name));
  } catch {
    return name;
  }
}

/**
 * A registry's refusal told as to a docker client, whose login (`docker login`) it sends with
 * each request; others as they are.
 */
export function forDockerClient(error: unknown): unknown {
  if (!(error instanceof AuthenticationError)) return error;
  return new AuthenticationError(
    error.host,
    `unauthorized: authentication required; log in with \`docker login ${error.host}\``,
  );
}

/** A pull's or push's progress event as the JSON message the docker client prints. */
export function progressMessage(e: ProgressEvent): JsonMessage {
  const bytes = e.current !== undefined || e.total !== undefined;
  return {
    status: e.action === 'Mounted' && e.detail ? `Mounted from ${e.detail}` : e.action,
    progressDetail: bytes ? { current: e.current ?? 0, total: e.total ?? 0 } : {},
    id: e.id,
  };
}

/** BuildKit's requests (`version=2`, `/session`, `/grpc`): not served, and how to build instead. */
export class BuildKitUnsupportedError extends EngineError {
  constructor() {
    super(
      "BuildKit is not supported by Berth's engine, only the classic builder: set DOCKER_BUILDKIT=0 to build with it",
      Status.UNIMPLEMENTED,
    );
  }
}

/** A classic build as the engine's builder takes it, from `POST /build`'s query. */
export interface DockerBuildRequest {
  tags: string[];
  dockerfile?: string;
  buildArgs: Record<string, string>;
  target?: string;
  noCache: boolean;
  /** only the image id is answered */
  quiet: boolean;
  cgroupParent?: string;
}

export function buildRequest(query: Query): DockerBuildRequest {
  if (last(query.version) === '2') throw new BuildKitUnsupportedError();
  if (last(query.remote))
    throw new InvalidArgumentError('remote build contexts are not supported: send the context as a tar body');
  if (Object.keys(jsonMap(query.labels, 'labels')).length)
    throw new InvalidArgumentError(
      "build labels are not supported by Berth's builder: use LABEL in the Dockerfile",
    );
  const dockerfile = last(query.dockerfile);
  const target = last(query.target);
  const cgroupParent = last(query.cgroupparent);
  return {
    tags: all(query.t).filter(Boolean),
    ...(dockerfile ? { dockerfile } : {}),
    buildArgs: jsonMap(query.buildargs, 'buildargs'),
    ...(target ? { target } : {}),
    noCache: flag(query.nocache),
    quiet: flag(query.q),
    ...(cgroupParent ? { cgroupParent } : {}),
  };
}

/** A JSON map of strings from the query; a null value (a build arg without one) is left out. */
function jsonMap(value: string | string[] | undefined, name: string): Record<string, string> {
  const text = last(value);
  if (!text || text === 'null') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidArgumentError(`invalid ${name}: it must be a JSON object of strings`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new InvalidArgumentError(`invalid ${name}: it must be a JSON object of strings`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (v === null) continue;
    if (typeof v !== 'string') throw new InvalidArgumentError(`invalid ${name}: ${k} must be a string`);
    out[k] = v;
  }
  return out;
}
