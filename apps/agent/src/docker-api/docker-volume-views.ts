/**
 * Volumes in the Docker Engine API's shapes (moby's Volume), the list's and the prune's filters,
 * and `POST /volumes/create`'s body read. Pure.
 */
import type { ContainerRecord } from '../containers/model';
import { InvalidArgumentError } from '../errors';
import type { Volume } from '../volumes/volumes.service';
import { compareApiVersions } from './api-version';
import type { DockerFilters } from './docker-filters';

/** The keys `GET /volumes` accepts in its filters (moby's). */
export const VOLUME_LIST_FILTERS = ['dangling', 'driver', 'label', 'name'];
/** The keys `POST /volumes/prune` accepts. */
export const VOLUME_PRUNE_FILTERS = ['label', 'label!', 'all'];

/** What `GET /system/df` adds to a volume. */
export interface VolumeUsage {
  size: number;
  refCount: number;
}

/** moby's Volume; USAGE only in `GET /system/df`. */
export function volumeDocument(v: Volume, mountpoint: string, usage?: VolumeUsage) {
  return {
    CreatedAt: rfc3339Seconds(v.created),
    Driver: v.driver,
    Labels: v.labels,
    Mountpoint: mountpoint,
    Name: v.name,
    Options: {},
    Scope: 'local',
    ...(usage ? { UsageData: { Size: usage.size, RefCount: usage.refCount } } : {}),
  };
}

/** dockerd prints a volume's creation to the second: `2024-05-01T10:00:00Z`. */
function rfc3339Seconds(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Which containers (ids) use each volume: every container with it mounted, whatever its state. */
export function volumeUsers(containers: readonly ContainerRecord[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const c of containers)
    for (const m of c.mounts)
      if (m.type === 'volume') users.set(m.source, [...(users.get(m.source) ?? []), c.id]);
  return users;
}

/** Whether volume V (used by USERS containers) passes `GET /volumes`' FILTERS. */
export function volumeMatches(v: Volume, filters: DockerFilters, users: number): boolean {
  const dangling = filters.bool('dangling');
  return (
    filters.match('name', v.name) &&
    filters.exact('driver', v.driver) &&
    filters.labels('label', v.labels) &&
    (dangling === null || dangling === (users === 0))
  );
}

/**
 * What `POST /volumes/prune` at API VERSION removes, of the unused volumes: from API 1.42 only
 * anonymous ones unless the filter `all` is true (ALL), and those passing the label filters.
 */
export function volumePruning(
  filters: DockerFilters,
  version: string,
): { all: boolean; which: (v: Volume) => boolean } {
  return {
    all: compareApiVersions(version, '1.42') < 0 || filters.bool('all') === true,
    which: (v) =>
      filters.labels('label', v.labels) && !(filters.has('label!') && filters.labels('label!', v.labels)),
  };
}

/** `POST /volumes/create`'s body, as far as Berth reads it. */
export interface DockerVolumeCreate {
  Name?: string;
  Driver?: string;
  DriverOpts?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
  ClusterVolumeSpec?: unknown;
}

/** BODY as the volume to make: its name (null: one is made up) and labels. */
export function volumeRequestOf(body: DockerVolumeCreate | null | undefined): {
  name: string | null;
  labels: Record<string, string>;
} {
  const b = body ?? {};
  if (b.Driver && b.Driver !== 'local')
    throw new InvalidArgumentError(`volume driver "${b.Driver}" is not available; only "local" is`);
  const options = Object.keys(b.DriverOpts ?? {});
  if (options.length)
    throw new InvalidArgumentError(
      `volume driver options (${options.join(', ')}) are not supported by Berth: its local volumes are directories`,
    );
  if (b.ClusterVolumeSpec) throw new InvalidArgumentError('cluster volumes are not supported by Berth');
  return { name: b.Name || null, labels: b.Labels ?? {} };
}
