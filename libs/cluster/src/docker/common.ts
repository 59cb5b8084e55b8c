/** What the Docker shapes of every kind share: versions, times, durations, file targets. Pure. */
import { posix } from 'node:path';
import type { FileObjectKind, Meta } from '../objects';
import type { DockerMeta } from './shapes';

/**
 * An object's id and meta as Docker's ID, Version and times. Version.Index is the object's etcd
 * mod_revision (`meta.version`), not its spec version: it is the number every update compares
 * (DESIGN.md, decision 3), as swarmkit compares the raft index Docker shows there, and it moves
 * with every write of the object, status included, as swarmkit's does. So a client that reads an
 * object and sends its Version.Index back with the update (`docker service update`, `docker node
 * update`) loses to any write since its read, with the store's own check.
 */
export function dockerMeta(id: string, meta: Meta): DockerMeta {
  return {
    ID: id,
    Version: { Index: meta.version },
    CreatedAt: dockerTime(meta.createdAt),
    UpdatedAt: dockerTime(meta.updatedAt),
  };
}

/**
 * Epoch ms as Go writes a time.Time in JSON (RFC 3339, fraction without trailing zeros); a time
 * no date can hold (past the year 275760) as Go's zero time.
 */
export function dockerTime(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '0001-01-01T00:00:00Z';
  return date.toISOString().replace(/\.?0*Z$/, 'Z');
}

/** Milliseconds (the cluster's durations) as Docker's nanoseconds. */
export function nanoseconds(ms: number): number {
  return Math.round(ms * 1e6);
}

/** Docker's nanoseconds as the cluster's milliseconds (a fraction kept: 1500 ns is 0.0015 ms). */
export function milliseconds(ns: number): number {
  return ns / 1e6;
}

const FILE_ROOT: Record<FileObjectKind, string> = { secrets: '/run/secrets', configs: '/' };

/**
 * A reference's target as Docker's File.Name: the bare name when the file sits straight in its
 * kind's directory (`/run/secrets/db` → `db`, a config's `/app.conf` → `app.conf`), as docker's
 * client writes it; else the whole path. `fileTarget` reads either back to the same path.
 */
export function dockerFileName(kind: FileObjectKind, target: string): string {
  const relative = posix.relative(FILE_ROOT[kind], target);
  return relative && !relative.includes('/') && !relative.startsWith('..') ? relative : target;
}

/** A secret or config by its id and name: what turns a reference's name into Docker's id and back. */
export interface NamedFile {
  id: string;
  spec: { name: string };
}

/** The secrets and configs a reference may name. */
export interface FileDirectory {
  secrets: readonly NamedFile[];
  configs: readonly NamedFile[];
}

/**
 * An image reference spelled out as Docker reads it: `busybox` is
 * `docker.io/library/busybox:latest`. The docker client sends a service's image back spelled out
 * on `service update`, which must not read as a new image.
 */
export function fullImageName(image: string): string {
  const [name, digest] = image.split('@', 2);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const hasTag = colon > slash;
  const path = hasTag ? name.slice(0, colon) : name;
  const tag = hasTag ? name.slice(colon + 1) : digest ? '' : 'latest';
  const [first, ...rest] = path.split('/');
  const hasDomain = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const domain = hasDomain ? (first === 'index.docker.io' ? 'docker.io' : first) : 'docker.io';
  const repository = hasDomain ? rest.join('/') : path;
  const full = domain === 'docker.io' && !repository.includes('/') ? `library/${repository}` : repository;
  return `${domain}/${full}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
