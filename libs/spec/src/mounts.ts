import { posix } from 'node:path';
import type { Mount } from '@berth/cluster';
import { type CompileContext, report, resolveHostPath } from './context';
import { objectName } from './names';
import { isPlainMap, mapOf, readBoolean, readChoice, readString, readStringList } from './read';
import type { Path } from './tree';

/** Options the short syntax may end with (`:ro`, `:z`, `:nocopy`, …); only `ro` changes the mount. */
const SHORT_OPTIONS = new Set([
  'ro',
  'rw',
  'z',
  'Z',
  'nocopy',
  'cached',
  'delegated',
  'consistent',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'private',
  'rprivate',
]);

/**
 * The cluster names of the top-level `volumes:`: `${stack}_${key}`, or the name the file gives
 * (`name:`, or an external volume's own name).
 */
export function volumeNames(ctx: CompileContext, section: unknown): Map<string, string> {
  return new Map(
    Object.entries(mapOf(section)).map(([key, declaration]) => [key, objectName(ctx, key, declaration)]),
  );
}

/** A service's `volumes:` and `tmpfs:` as mounts; each path in the container takes one. */
export function compileMounts(
  ctx: CompileContext,
  service: Record<string, unknown>,
  path: Path,
  volumes: ReadonlyMap<string, string>,
): Mount[] {
  const fromVolumes = Array.isArray(service.volumes)
    ? service.volumes.flatMap((item, i) =>
        placed(compileVolume(ctx, item, [...path, 'volumes', i], volumes), [...path, 'volumes', i]),
      )
    : [];
  const tmpfsPath = [...path, 'tmpfs'];
  const fromTmpfs = readStringList(ctx, service.tmpfs, tmpfsPath).flatMap((text, i) => {
    const target = text.split(':')[0];
    const itemPath = Array.isArray(service.tmpfs) ? [...tmpfsPath, i] : tmpfsPath;
    return checkTarget(ctx, target, itemPath) ? placed([mount('tmpfs', '', target, false)], itemPath) : [];
  });
  const all = [...fromVolumes, ...fromTmpfs];
  all.forEach(({ mount: m, path: at }, i) => {
    if (all.findIndex((other) => other.mount.target === m.target) !== i)
      report(ctx, at, `a second mount at ${m.target}: each path in the container takes one`);
  });
  return all.map((p) => p.mount);
}

function placed(mounts: Mount[], path: Path): { mount: Mount; path: Path }[] {
  return mounts.map((m) => ({ mount: m, path }));
}

function compileVolume(
  ctx: CompileContext,
  item: unknown,
  path: Path,
  volumes: ReadonlyMap<string, string>,
): Mount[] {
  if (isPlainMap(item)) return compileLongVolume(ctx, item, path, volumes);
  const text = readString(ctx, item, path);
  if (text === undefined) return [];
  const parts = text.split(':');
  if (parts.length > 3 || parts.some((p) => p === '')) {
    report(ctx, path, `invalid volume '${text}': expected [SOURCE:]TARGET[:OPTIONS]`);
    return [];
  }
  const [source, target, options] =
    parts.length === 1 ? ['', parts[0], ''] : [parts[0], parts[1], parts[2] ?? ''];
  const unknown = options.split(',').filter((o) => o !== '' && !SHORT_OPTIONS.has(o));
  if (unknown.length > 0) {
    report(
      ctx,
      path,
      `unknown volume option '${unknown[0]}' in '${text}': use ro, rw, z, Z, nocopy or a propagation`,
    );
    return [];
  }
  const readOnly = options.split(',').includes('ro');
  if (!checkTarget(ctx, target, path)) return [];
  if (isHostPath(source)) {
    const resolved = resolveHostPath(ctx, source, path);
    return resolved === undefined ? [] : [mount('bind', resolved, target, readOnly)];
  }
  return volumeMount(ctx, source, target, readOnly, path, volumes);
}

function compileLongVolume(
  ctx: CompileContext,
  item: Record<string, unknown>,
  path: Path,
  volumes: ReadonlyMap<string, string>,
): Mount[] {
  const type = readChoice(ctx, item.type ?? 'volume', [...path, 'type'], [
    'volume',
    'bind',
    'tmpfs',
  ] as const);
  const source = readString(ctx, item.source, [...path, 'source']) ?? '';
  const target = readString(ctx, item.target, [...path, 'target']);
  const readOnly = readBoolean(ctx, item.read_only, [...path, 'read_only']) ?? false;
  if (target === undefined) {
    report(ctx, path, "missing key 'target': the path in the container");
    return [];
  }
  if (!type || !checkTarget(ctx, target, [...path, 'target'])) return [];
  switch (type) {
    case 'tmpfs':
      return [mount('tmpfs', '', target, readOnly)];
    case 'bind': {
      if (source === '') {
        report(ctx, path, "missing key 'source': the path on the node to bind");
        return [];
      }
      const resolved = resolveHostPath(ctx, source, [...path, 'source']);
      return resolved === undefined ? [] : [mount('bind', resolved, target, readOnly)];
    }
    case 'volume':
      return volumeMount(ctx, source, target, readOnly, [...path, 'source'], volumes);
  }
}

/** A named volume must be declared at top level; no source is an anonymous volume. */
function volumeMount(
  ctx: CompileContext,
  source: string,
  target: string,
  readOnly: boolean,
  path: Path,
  volumes: ReadonlyMap<string, string>,
): Mount[] {
  if (source === '') return [mount('volume', '', target, readOnly)];
  const name = volumes.get(source);
  if (name === undefined) {
    report(ctx, path, `volume '${source}' is not declared in the top-level volumes`);
    return [];
  }
  return [mount('volume', name, target, readOnly)];
}

/** Compose reads a source as a path on the host when it starts like one. */
function isHostPath(source: string): boolean {
  return source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
}

function checkTarget(ctx: CompileContext, target: string, path: Path): boolean {
  if (posix.isAbsolute(target)) return true;
  report(ctx, path, `the path in the container must be absolute, got '${target}'`);
  return false;
}

function mount(type: Mount['type'], source: string, target: string, readOnly: boolean): Mount {
  return { type, source, target, readOnly };
}
