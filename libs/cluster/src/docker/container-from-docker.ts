/**
 * Docker's ContainerSpec (a service's TaskTemplate.ContainerSpec) → Berth's ContainerSpec. Every
 * field of Docker's type is read or refused here: what Berth's containers cannot do (a terminal,
 * extra groups, hosts entries, DNS settings, AppArmor or SELinux) is refused by name unless it is
 * its zero value, which the docker client sends for what the user did not ask.
 */
import { defaultContainerSpec } from '../defaults';
import { LIMITS } from '../decode/limits';
import { DecodeError } from '../decode/decoder';
import {
  fileTarget,
  type ContainerSpec,
  type FileObjectKind,
  type FileReference,
  type HealthCheck,
  type Mount,
  type SeccompChoice,
} from '../objects';
import { milliseconds, type FileDirectory } from './common';
import {
  at,
  choice,
  field,
  fields,
  flag,
  isAbsent,
  isZero,
  labels,
  list,
  refuseSet,
  text,
  texts,
  UnsupportedFieldError,
  whole,
} from './read';

export function containerSpecFromDocker(value: unknown, path: string, files?: FileDirectory): ContainerSpec {
  const c = fields(value, path);
  refuseUnsupported(c, path);
  const image = text(field(c, 'Image'), at(path, 'Image'), LIMITS.image);
  if (!image) throw new DecodeError('missing', at(path, 'Image'), 'give the image the service runs');
  const spec = defaultContainerSpec(image);
  spec.labels = labels(field(c, 'Labels'), at(path, 'Labels'));
  spec.command = texts(field(c, 'Command'), at(path, 'Command'));
  spec.args = texts(field(c, 'Args'), at(path, 'Args'));
  spec.hostname = text(field(c, 'Hostname'), at(path, 'Hostname'), LIMITS.name);
  spec.env = texts(field(c, 'Env'), at(path, 'Env'));
  spec.workdir = text(field(c, 'Dir'), at(path, 'Dir'));
  spec.user = text(field(c, 'User'), at(path, 'User'), LIMITS.name);
  spec.init = flag(field(c, 'Init'), at(path, 'Init'));
  spec.stopSignal = text(field(c, 'StopSignal'), at(path, 'StopSignal'), LIMITS.name);
  spec.readOnly = flag(field(c, 'ReadOnly'), at(path, 'ReadOnly'));
  spec.mounts = list(field(c, 'Mounts'), at(path, 'Mounts'), mountFromDocker);
  // absent: swarm's default (10 s); 0 is 0
  const grace = field(c, 'StopGracePeriod');
  if (!isAbsent(grace)) spec.stopGracePeriodMs = milliseconds(whole(grace, at(path, 'StopGracePeriod')));
  spec.healthcheck = healthFromDocker(field(c, 'Healthcheck'), at(path, 'Healthcheck'));
  const secrets = list(field(c, 'Secrets'), at(path, 'Secrets'), (v, p) =>
    referenceFromDocker('secrets', v, p, files),
  );
  const configs = list(field(c, 'Configs'), at(path, 'Configs'), (v, p) =>
    referenceFromDocker('configs', v, p, files),
  );
  const sysctls = labels(field(c, 'Sysctls'), at(path, 'Sysctls'));
  const capAdd = texts(field(c, 'CapabilityAdd'), at(path, 'CapabilityAdd'), LIMITS.name);
  const capDrop = texts(field(c, 'CapabilityDrop'), at(path, 'CapabilityDrop'), LIMITS.name);
  const ulimits = list(field(c, 'Ulimits'), at(path, 'Ulimits'), ulimitFromDocker);
  // as `berth service create` and stack files write them: an empty list is no list
  if (secrets.length) spec.secrets = secrets;
  if (configs.length) spec.configs = configs;
  if (Object.keys(sysctls).length) spec.sysctls = sysctls;
  if (capAdd.length) spec.capAdd = capAdd;
  if (capDrop.length) spec.capDrop = capDrop;
  if (ulimits.length) spec.ulimits = ulimits;
  const seccomp = seccompFromDocker(field(c, 'Privileges'), at(path, 'Privileges'));
  if (seccomp) spec.seccomp = seccomp;
  return spec;
}

function refuseUnsupported(c: Record<string, unknown>, path: string): void {
  refuseSet(c, 'Groups', path, "Berth does not add groups to a service's process: use User");
  refuseSet(c, 'TTY', path, "Berth's service tasks have no terminal");
  refuseSet(c, 'OpenStdin', path, "Berth's service tasks have no standard input");
  refuseSet(c, 'Hosts', path, "Berth does not add entries to a service's /etc/hosts");
  refuseSet(c, 'DNSConfig', path, "Berth's service tasks use the cluster's DNS only");
  refuseSet(c, 'OomScoreAdj', path, "Berth does not set a service's OOM score");
  if (!['', 'default'].includes(text(field(c, 'Isolation'), at(path, 'Isolation'), LIMITS.name)))
    throw new UnsupportedFieldError(
      at(path, 'Isolation'),
      'Berth runs Linux containers only: no isolation to choose',
    );
  refusePrivileges(field(c, 'Privileges'), at(path, 'Privileges'));
}

/**
 * Privileges.Seccomp: Mode default (or none), unconfined, or custom with Profile, the JSON
 * profile's bytes in base64. The profile is checked on the node that runs the task, as the
 * container is made (a bad one fails the task with its problem named); here only that it is JSON.
 */
function seccompFromDocker(value: unknown, path: string): SeccompChoice | null {
  const seccompPath = at(path, 'Seccomp');
  const options = fields(field(fields(value, path), 'Seccomp'), seccompPath);
  const mode = choice(
    field(options, 'Mode'),
    at(seccompPath, 'Mode'),
    ['default', 'unconfined', 'custom'],
    'default',
  );
  const profile = field(options, 'Profile');
  if (mode === 'default') return null;
  if (mode === 'unconfined') {
    if (!isZero(profile))
      throw new DecodeError('value', at(seccompPath, 'Profile'), 'give a profile only with Mode custom');
    return { mode, profile: '' };
  }
  const json = Buffer.from(text(profile, at(seccompPath, 'Profile'), LIMITS.argument), 'base64').toString(
    'utf8',
  );
  try {
    JSON.parse(json);
  } catch (error) {
    throw new DecodeError(
      'value',
      at(seccompPath, 'Profile'),
      `must be a JSON seccomp profile, base64-encoded: ${(error as Error).message}`,
    );
  }
  return { mode, profile: json };
}

/** Docker's defaults (the stack client sends `{CredentialSpec: null, SELinuxContext: null, …}`) and a seccomp choice. */
function refusePrivileges(value: unknown, path: string): void {
  const p = { ...fields(value, path) };
  delete p.Seccomp; // seccompFromDocker
  for (const key of ['AppArmor']) {
    const options = fields(field(p, key), at(path, key));
    if (
      ['', 'default'].includes(text(field(options, 'Mode'), at(at(path, key), 'Mode'))) &&
      isZero(field(options, 'Profile'))
    )
      delete p[key];
  }
  for (const [key, v] of Object.entries(p))
    if (!isZero(v))
      throw new UnsupportedFieldError(
        at(path, key),
        "Berth runs a service's tasks with its default security profile only",
      );
}

const MOUNT_TYPES = ['bind', 'volume', 'tmpfs'] as const;

function mountFromDocker(value: unknown, path: string): Mount {
  const m = fields(value, path);
  const type = text(field(m, 'Type'), at(path, 'Type'), LIMITS.name);
  if (['npipe', 'cluster', 'image'].includes(type))
    throw new UnsupportedFieldError(
      at(path, 'Type'),
      `Berth does not mount ${type}s: use volume, bind or tmpfs`,
    );
  // '' is a bind mount, as dockerd reads it
  const kind = choice(type, at(path, 'Type'), MOUNT_TYPES, 'bind');
  const target = text(field(m, 'Target'), at(path, 'Target'));
  if (!target) throw new DecodeError('missing', at(path, 'Target'), 'give the path in the container');
  const source = text(field(m, 'Source'), at(path, 'Source'));
  if (kind === 'tmpfs' && source)
    throw new DecodeError('value', at(path, 'Source'), 'a tmpfs mount has no source');
  if (kind === 'bind' && !source.startsWith('/'))
    throw new DecodeError('value', at(path, 'Source'), 'a bind mount needs the absolute path on the node');
  refuseBindOptions(fields(field(m, 'BindOptions'), at(path, 'BindOptions')), at(path, 'BindOptions'));
  refuseVolumeOptions(
    fields(field(m, 'VolumeOptions'), at(path, 'VolumeOptions')),
    at(path, 'VolumeOptions'),
  );
  refuseSet(
    m,
    'TmpfsOptions',
    path,
    "Berth's tmpfs mounts take the kernel's defaults: no size, mode or options",
  );
  refuseSet(m, 'ImageOptions', path, 'Berth does not mount images');
  refuseSet(m, 'ClusterOptions', path, 'Berth has no cluster volumes');
  // Consistency (default, consistent, cached, delegated) means nothing on Linux: dockerd ignores it too
  return { type: kind, source, target, readOnly: flag(field(m, 'ReadOnly'), at(path, 'ReadOnly')) };
}

function refuseBindOptions(b: Record<string, unknown>, path: string): void {
  if (!['', 'rprivate'].includes(text(field(b, 'Propagation'), at(path, 'Propagation'), LIMITS.name)))
    throw new UnsupportedFieldError(at(path, 'Propagation'), "Berth's bind mounts are rprivate");
  for (const key of ['NonRecursive', 'CreateMountpoint', 'ReadOnlyNonRecursive', 'ReadOnlyForceRecursive'])
    refuseSet(b, key, path, "Berth's bind mounts are recursive, of a path that exists");
}

function refuseVolumeOptions(v: Record<string, unknown>, path: string): void {
  refuseSet(v, 'NoCopy', path, "Berth fills a new volume with the image's files at its path");
  refuseSet(v, 'Subpath', path, 'Berth mounts a whole volume');
  const driver = fields(field(v, 'DriverConfig'), at(path, 'DriverConfig'));
  if (!['', 'local'].includes(text(field(driver, 'Name'), at(at(path, 'DriverConfig'), 'Name'), LIMITS.name)))
    throw new UnsupportedFieldError(at(at(path, 'DriverConfig'), 'Name'), "Berth's volumes are local");
  refuseSet(driver, 'Options', at(path, 'DriverConfig'), "Berth's local volumes take no options");
  // Labels: `docker stack deploy` labels every named volume with its stack; a task's volume is
  // made with none (labels describe the volume, they do not change what runs)
  labels(field(v, 'Labels'), at(path, 'Labels'));
}

function healthFromDocker(value: unknown, path: string): HealthCheck | null {
  if (isAbsent(value)) return null;
  const h = fields(value, path);
  refuseSet(h, 'StartInterval', path, "Berth probes at the check's interval during the start period too");
  const duration = (key: string) => milliseconds(whole(field(h, key), at(path, key)));
  return {
    test: texts(field(h, 'Test'), at(path, 'Test')),
    intervalMs: duration('Interval'),
    timeoutMs: duration('Timeout'),
    retries: whole(field(h, 'Retries'), at(path, 'Retries')),
    startPeriodMs: duration('StartPeriod'),
  };
}

const WORD: Record<FileObjectKind, string> = { secrets: 'Secret', configs: 'Config' };

/**
 * A secret or config reference: Berth's name it by name, so SecretName (ConfigName) is what
 * counts; a reference with only the id is looked up in FILES.
 */
function referenceFromDocker(
  kind: FileObjectKind,
  value: unknown,
  path: string,
  files?: FileDirectory,
): FileReference {
  const r = fields(value, path);
  const word = WORD[kind];
  if (kind === 'configs') refuseSet(r, 'Runtime', path, 'Berth gives a config to a task as a file only');
  const id = text(field(r, `${word}ID`), at(path, `${word}ID`), LIMITS.name);
  const source =
    text(field(r, `${word}Name`), at(path, `${word}Name`), LIMITS.name) ||
    (files?.[kind].find((f) => f.id === id)?.spec.name ?? '');
  if (!source)
    throw new DecodeError(
      'missing',
      at(path, `${word}Name`),
      id ? `no ${word.toLowerCase()} has the id ${id}` : `name the ${word.toLowerCase()}`,
    );
  if (isAbsent(field(r, 'File')))
    throw new DecodeError('missing', at(path, 'File'), `say where the ${word.toLowerCase()}'s file goes`);
  const file = fields(field(r, 'File'), at(path, 'File'));
  const filePath = at(path, 'File');
  return {
    source,
    target: fileTarget(kind, text(field(file, 'Name'), at(filePath, 'Name')) || source),
    uid: text(field(file, 'UID'), at(filePath, 'UID'), LIMITS.name) || '0',
    gid: text(field(file, 'GID'), at(filePath, 'GID'), LIMITS.name) || '0',
    mode: whole(field(file, 'Mode'), at(filePath, 'Mode'), 0o7777),
  };
}

function ulimitFromDocker(value: unknown, path: string): NonNullable<ContainerSpec['ulimits']>[number] {
  const u = fields(value, path);
  const name = text(field(u, 'Name'), at(path, 'Name'), LIMITS.name);
  if (!name) throw new DecodeError('missing', at(path, 'Name'), 'name the limit (nofile, nproc, …)');
  return {
    name,
    soft: whole(field(u, 'Soft'), at(path, 'Soft'), Number.MAX_SAFE_INTEGER, -1),
    hard: whole(field(u, 'Hard'), at(path, 'Hard'), Number.MAX_SAFE_INTEGER, -1),
  };
}
