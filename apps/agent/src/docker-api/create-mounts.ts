/**
 * The mounts of a Docker API create body → the engine's MountRequests, as `berth run` makes them
 * from `-v`, `--mount` and `--tmpfs` (apps/cli/src/commands/run-flags.ts): HostConfig.Binds
 * (`-v`: a missing host directory is made), HostConfig.Mounts (`--mount`: it is not, unless
 * BindOptions.CreateMountpoint), HostConfig.Tmpfs, then Config.Volumes (the anonymous `-v /path`)
 * not already covered. Pure.
 */
import { InvalidArgumentError } from '../errors';
import type { MountRequest } from '../containers/request';
import { JsonFields, NotSupportedError, shown } from './json-fields';

/** Every bind gets these (libs/runtime: rbind, rprivate); asking for them changes nothing. */
const BERTH_PROPAGATION = ['', 'private', 'rprivate'];
const OTHER_PROPAGATION = ['shared', 'rshared', 'slave', 'rslave'];
/** SELinux relabelling (Berth has no SELinux labels) and macOS's consistency hints. */
const IGNORED_MODES = ['z', 'Z', 'consistent', 'cached', 'delegated'];

const mount = (fields: Partial<MountRequest> & Pick<MountRequest, 'type' | 'target'>): MountRequest => ({
  source: '',
  readOnly: false,
  options: [],
  createHostPath: false,
  ...fields,
});

export function mountsFromDocker(hostConfig: JsonFields, config: JsonFields): MountRequest[] {
  const mounts = [
    ...hostConfig.strings('Binds').map((spec) => bindFrom(spec, hostConfig.name('Binds'))),
    ...hostConfig.objects('Mounts').map(mountFrom),
    ...hostConfig.entries('Tmpfs').map(([target, options]) => tmpfsFrom(target, options, hostConfig)),
  ];
  const taken = new Set(mounts.map((m) => m.target));
  const anonymous = config
    .entries('Volumes')
    .map(([target]) => target)
    .filter((target) => !taken.has(target))
    .map((target) => mount({ type: 'volume', target }));
  return [...mounts, ...anonymous];
}

/** `SOURCE:TARGET[:MODES]` or `TARGET`: an absolute SOURCE is a host directory, else a volume's name. */
function bindFrom(spec: string, field: string): MountRequest {
  const parts = spec.split(':');
  if (parts.length > 3 || parts.some((p) => p === ''))
    throw new InvalidArgumentError(`${field}: invalid volume specification: '${spec}'`);
  if (parts.length === 1) return mount({ type: 'volume', target: absoluteTarget(parts[0], spec, field) });
  const [source, target, modes = ''] = parts;
  const readOnly = bindModes(modes, spec, field);
  absoluteTarget(target, spec, field);
  if (source.startsWith('/')) return mount({ type: 'bind', source, target, readOnly, createHostPath: true });
  if (source.includes('/') || source === '.' || source === '..')
    throw new InvalidArgumentError(
      `${field}: invalid volume specification: '${spec}': a host directory must be an absolute path`,
    );
  return mount({ type: 'volume', source, target, readOnly });
}

function absoluteTarget(target: string, spec: string, field: string): string {
  if (!target.startsWith('/'))
    throw new InvalidArgumentError(
      `${field}: invalid volume specification: '${spec}': the mount point must be an absolute path`,
    );
  return target;
}

/** `ro,z,rprivate…` → whether it is read-only; what Berth cannot do is refused. */
function bindModes(modes: string, spec: string, field: string): boolean {
  const list = modes ? modes.split(',') : [];
  for (const mode of list) {
    if (mode === 'nocopy')
      throw new NotSupportedError(
        field,
        `${field} '${spec}': nocopy is not supported by Berth: a new volume always starts as a copy of the image's content`,
      );
    if (OTHER_PROPAGATION.includes(mode)) throw propagationRefused(field, mode);
    if (!['ro', 'rw', ...BERTH_PROPAGATION, ...IGNORED_MODES].includes(mode))
      throw new InvalidArgumentError(`${field}: invalid mode: ${mode} in volume specification '${spec}'`);
  }
  if (list.includes('ro') && list.includes('rw'))
    throw new InvalidArgumentError(`${field}: invalid mode: '${modes}': ro and rw both given in '${spec}'`);
  return list.includes('ro');
}

const propagationRefused = (field: string, propagation: string) =>
  new NotSupportedError(
    field,
    `${field}: bind propagation "${propagation}" is not supported by Berth: its binds are rprivate`,
  );

/** One of HostConfig.Mounts (`--mount`). */
function mountFrom(m: JsonFields): MountRequest {
  const type = m.string('Type');
  const target = m.string('Target');
  if (['npipe', 'cluster', 'image'].includes(type))
    throw new NotSupportedError(m.name('Type'), `${m.name('Type')} "${type}" is not supported by Berth`);
  if (!['bind', 'volume', 'tmpfs'].includes(type))
    throw new InvalidArgumentError(
      `${m.name('Type')} "${type}" is not a mount type: use bind, volume or tmpfs`,
    );
  if (!target) throw new InvalidArgumentError(`${m.name('Target')} must not be empty`);
  for (const [key, owner] of [
    ['BindOptions', 'bind'],
    ['VolumeOptions', 'volume'],
    ['TmpfsOptions', 'tmpfs'],
  ])
    if (m.raw(key) !== undefined && type !== owner)
      throw new InvalidArgumentError(`${m.name(key)} is for ${owner} mounts, not ${type}`);
  const base = { type, target, readOnly: m.boolean('ReadOnly') };
  if (type === 'bind') return bindMountFrom(m, base);
  if (type === 'volume') return volumeMountFrom(m, base);
  if (m.string('Source'))
    throw new InvalidArgumentError(`${m.name('Source')} must be empty for a tmpfs mount`);
  return mount({ ...base, options: tmpfsOptions(m.object('TmpfsOptions')) });
}

type MountBase = Pick<MountRequest, 'type' | 'target' | 'readOnly'>;

function bindMountFrom(m: JsonFields, base: MountBase): MountRequest {
  const source = m.string('Source');
  if (!source) throw new InvalidArgumentError(`${m.name('Source')} must not be empty for a bind mount`);
  const o = m.object('BindOptions');
  const propagation = o.string('Propagation');
  if (!BERTH_PROPAGATION.includes(propagation)) throw propagationRefused(o.name('Propagation'), propagation);
  o.refuseUnless('NonRecursive', 'bind-recursive=disabled');
  // a read-only bind is read-only at its top only, as ReadOnlyNonRecursive asks
  o.refuseUnless('ReadOnlyForceRecursive', 'bind-recursive=readonly');
  return mount({ ...base, source, createHostPath: o.boolean('CreateMountpoint') });
}

function volumeMountFrom(m: JsonFields, base: MountBase): MountRequest {
  const o = m.object('VolumeOptions');
  if (o.boolean('NoCopy'))
    throw new NotSupportedError(
      o.name('NoCopy'),
      `${o.name('NoCopy')} is not supported by Berth: a new volume always starts as a copy of the image's content`,
    );
  o.refuseUnless('Subpath', 'volume-subpath');
  const driver = o.object('DriverConfig');
  driver.refuseUnless('Name', 'volume-driver', ['local']);
  driver.refuseUnless('Options', 'volume-opt');
  o.stringMap('Labels'); // only labels a volume made now would get: not kept, changes nothing
  return mount({ ...base, source: m.string('Source') });
}

/** SizeBytes and Mode as the mount options `--mount tmpfs-size=…,tmpfs-mode=…` gives. */
function tmpfsOptions(o: JsonFields): string[] {
  const size = o.count('SizeBytes');
  const mode = o.count('Mode');
  const raw = o.raw('Options') ?? [];
  const valid =
    Array.isArray(raw) &&
    raw.every((x) => Array.isArray(x) && [1, 2].includes(x.length) && x.every((s) => typeof s === 'string'));
  if (!valid)
    throw new InvalidArgumentError(`${o.name('Options')} must be a list of [option] or [option, value]`);
  return [
    ...(size ? [`size=${size}`] : []),
    ...(mode ? [`mode=${mode.toString(8)}`] : []),
    ...(raw as string[][]).map((x) => x.join('=')),
  ];
}

/** One of HostConfig.Tmpfs: `{"/run": "size=64k,mode=1777"}`. */
function tmpfsFrom(target: string, options: unknown, hostConfig: JsonFields): MountRequest {
  const field = `${hostConfig.name('Tmpfs')}[${shown(target)}]`;
  if (typeof options !== 'string' && options !== null)
    throw new InvalidArgumentError(`${field} must be a string`);
  if (!target.startsWith('/'))
    throw new InvalidArgumentError(`${field}: the mount point must be an absolute path`);
  return mount({ type: 'tmpfs', target, options: (options ?? '').split(',').filter(Boolean) });
}
