/**
 * A Docker API create body's HostConfig → the engine's ports, restart policy, resources and
 * security settings; and the refusal of what Berth cannot honour. Zero values, which the docker
 * client always sends ("Devices": [], "IpcMode": ""), pass. Pure.
 */
import type { PortMapping } from '@berth/network';
import { parseUlimit } from '../containers/plan';
import { RESTART_POLICIES, type ContainerRequest } from '../containers/request';
import { isSupportedSecurityOpt } from '../containers/security-opt';
import { InvalidArgumentError } from '../errors';
import { JsonFields, NotSupportedError, shown } from './json-fields';

type HostFields = Pick<
  ContainerRequest,
  | 'ports'
  | 'publishAll'
  | 'restart'
  | 'autoRemove'
  | 'readOnly'
  | 'memoryBytes'
  | 'memorySwapBytes'
  | 'cpus'
  | 'cpuShares'
  | 'pidsLimit'
  | 'ulimits'
  | 'capAdd'
  | 'capDrop'
  | 'extraHosts'
  | 'dns'
  | 'privileged'
  | 'securityOpt'
  | 'usernsMode'
  | 'sysctls'
>;

const MiB = 1024 * 1024;
const DEFAULT_CPU_PERIOD_US = 100_000;

/**
 * HostConfig fields Berth cannot honour: [field, docker option, values besides the zero that
 * mean what Berth does anyway]. Read but deliberately not kept, as changing nothing here:
 * Init (no init process is added), ConsoleSize (the terminal's size comes with attach and
 * resize), LogConfig.Config (json-file logs are not rotated), MemorySwappiness,
 * KernelMemory and KernelMemoryTCP (dockerd discards them on cgroup v2 too), ContainerIDFile
 * (the client's).
 */
const REFUSED: readonly [string, string, unknown[]?][] = [
  ['Devices', '--device'],
  ['DeviceRequests', '--gpus'],
  ['DeviceCgroupRules', '--device-cgroup-rule'],
  ['Runtime', '--runtime', ['runc']],
  ['Isolation', '--isolation', ['default']],
  ['CgroupParent', '--cgroup-parent'],
  ['Cgroup', ''],
  ['CgroupnsMode', '--cgroupns', ['private']],
  ['IpcMode', '--ipc', ['private', 'shareable']],
  ['PidMode', '--pid'],
  ['UTSMode', '--uts'],
  // '' (the daemon's remapping, berthd --userns-remap) and 'host' are kept as usernsMode
  ['UsernsMode', '--userns', ['host']],
  ['VolumesFrom', '--volumes-from'],
  ['VolumeDriver', '--volume-driver', ['local']],
  ['Links', '--link'],
  ['GroupAdd', '--group-add'],
  ['DnsOptions', '--dns-option'],
  ['DnsSearch', '--dns-search'],
  ['OomScoreAdj', '--oom-score-adj'],
  ['OomKillDisable', '--oom-kill-disable'],
  // Berth's /dev/shm is Docker's default 64 MiB
  ['ShmSize', '--shm-size', [64 * MiB]],
  ['StorageOpt', '--storage-opt'],
  // Berth masks no paths: [] (systempaths=unconfined) is what it does
  ['MaskedPaths', '--security-opt systempaths'],
  ['ReadonlyPaths', '--security-opt systempaths'],
  ['Annotations', '--annotation'],
  ['BlkioWeight', '--blkio-weight'],
  ['BlkioWeightDevice', '--blkio-weight-device'],
  ['BlkioDeviceReadBps', '--device-read-bps'],
  ['BlkioDeviceWriteBps', '--device-write-bps'],
  ['BlkioDeviceReadIOps', '--device-read-iops'],
  ['BlkioDeviceWriteIOps', '--device-write-iops'],
  ['CpuRealtimePeriod', '--cpu-rt-period'],
  ['CpuRealtimeRuntime', '--cpu-rt-runtime'],
  ['CpusetCpus', '--cpuset-cpus'],
  ['CpusetMems', '--cpuset-mems'],
  ['MemoryReservation', '--memory-reservation'],
  ['CpuCount', '--cpu-count'],
  ['CpuPercent', '--cpu-percent'],
  ['IOMaximumIOps', '--io-maxiops'],
  ['IOMaximumBandwidth', '--io-maxbandwidth'],
];

export function hostConfigFromDocker(hc: JsonFields, config: JsonFields): HostFields {
  refuseUnsupported(hc);
  return {
    ...portsFrom(hc, config),
    restart: restartFrom(hc.object('RestartPolicy')),
    autoRemove: hc.boolean('AutoRemove'),
    readOnly: hc.boolean('ReadonlyRootfs'),
    ...memoryFrom(hc),
    cpus: cpusFrom(hc),
    cpuShares: hc.count('CpuShares'),
    pidsLimit: Math.max(0, hc.integer('PidsLimit')), // 0, -1 and null: unlimited
    ulimits: hc.objects('Ulimits').map(ulimitFrom),
    capAdd: hc.strings('CapAdd'),
    capDrop: hc.strings('CapDrop'),
    extraHosts: hc.strings('ExtraHosts'),
    dns: hc.strings('Dns'),
    privileged: hc.boolean('Privileged'),
    // kept as given, as dockerd shows them; their values are checked with the rest of the request
    securityOpt: hc.strings('SecurityOpt'),
    usernsMode: hc.string('UsernsMode'),
    sysctls: hc.stringMap('Sysctls'),
  };
}

function refuseUnsupported(hc: JsonFields): void {
  for (const [field, flag, allowed] of REFUSED) hc.refuseUnless(field, flag, allowed);
  for (const opt of hc.strings('SecurityOpt'))
    if (!isSupportedSecurityOpt(opt))
      throw new NotSupportedError(
        hc.name('SecurityOpt'),
        `${hc.name('SecurityOpt')} ${shown(opt)} is not supported by Berth (--security-opt)`,
      );
  const log = hc.object('LogConfig');
  log.refuseUnless('Type', '--log-driver; its logs are json-file', ['json-file']);
  log.stringMap('Config');
}

/** PortBindings `{"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}`; with PublishAllPorts, Config.ExposedPorts too. */
function portsFrom(hc: JsonFields, config: JsonFields): Pick<HostFields, 'ports' | 'publishAll'> {
  const field = hc.name('PortBindings');
  const ports: PortMapping[] = [];
  for (const [key, bindings] of hc.entries('PortBindings')) {
    const port = containerPort(key, field);
    if (bindings !== null && !Array.isArray(bindings))
      throw new InvalidArgumentError(`${field}[${shown(key)}] must be a list of bindings`);
    for (const [i, b] of (bindings ?? []).entries()) {
      const binding = JsonFields.of(b, `${field}[${shown(key)}][${i}]`);
      ports.push({ ...port, hostIp: binding.string('HostIp'), hostPort: hostPort(binding) });
    }
  }
  const publishAll = hc.boolean('PublishAllPorts');
  // the image's exposed ports the engine publishes itself; those of the request (--expose) are only here
  if (publishAll)
    for (const [key] of config.entries('ExposedPorts')) {
      const port = containerPort(key, config.name('ExposedPorts'));
      if (!ports.some((p) => p.containerPort === port.containerPort && p.protocol === port.protocol))
        ports.push({ ...port, hostIp: '', hostPort: 0 });
    }
  return { ports, publishAll };
}

/** `80/tcp`, `53/udp`, `80` (tcp). */
function containerPort(key: string, field: string): Pick<PortMapping, 'containerPort' | 'protocol'> {
  const m = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(key);
  const n = Number(m?.[1]);
  if (!m || n < 1 || n > 65535)
    throw new InvalidArgumentError(`${field}: invalid port "${key}": use PORT/tcp, PORT/udp or PORT/sctp`);
  return { containerPort: n, protocol: (m[2] ?? 'tcp') as PortMapping['protocol'] };
}

/** HostPort: a string, '' for any free port (0); a range is refused. */
function hostPort(binding: JsonFields): number {
  const text = binding.string('HostPort');
  if (text === '') return 0;
  if (/^\d+-\d+$/.test(text))
    throw new NotSupportedError(
      binding.name('HostPort'),
      `${binding.name('HostPort')} "${text}": a host port range is not supported by Berth: publish to one port, or to any ("")`,
    );
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535)
    throw new InvalidArgumentError(`${binding.name('HostPort')}: invalid host port "${text}"`);
  return n;
}

/** {Name, MaximumRetryCount}; '' is no. */
function restartFrom(policy: JsonFields): ContainerRequest['restart'] {
  const name = policy.string('Name') || 'no';
  const maximumRetryCount = policy.integer('MaximumRetryCount');
  if (!(RESTART_POLICIES as readonly string[]).includes(name))
    throw new InvalidArgumentError(
      `invalid restart policy "${name}": use no, always, unless-stopped or on-failure`,
    );
  if (maximumRetryCount < 0)
    throw new InvalidArgumentError('invalid restart policy: maximum retry count cannot be negative');
  if (maximumRetryCount > 0 && name !== 'on-failure')
    throw new InvalidArgumentError(
      "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    );
  return { name, maximumRetryCount };
}

function memoryFrom(hc: JsonFields): Pick<HostFields, 'memoryBytes' | 'memorySwapBytes'> {
  const memorySwapBytes = hc.integer('MemorySwap');
  if (memorySwapBytes < -1)
    throw new InvalidArgumentError(`${hc.name('MemorySwap')} must be -1 (unlimited), 0 or a size in bytes`);
  return { memoryBytes: hc.count('Memory'), memorySwapBytes };
}

/** NanoCpus, or CpuQuota over CpuPeriod (`--cpu-quota`), as a number of CPUs; 0 is no limit. */
function cpusFrom(hc: JsonFields): number {
  const nano = hc.count('NanoCpus');
  const period = hc.count('CpuPeriod');
  const quota = hc.integer('CpuQuota');
  if (nano > 0 && period > 0)
    throw new InvalidArgumentError('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  if (nano > 0 && quota > 0)
    throw new InvalidArgumentError('Conflicting options: Nano CPUs and CPU Quota cannot both be set');
  if (period && (period < 1000 || period > 1_000_000))
    throw new InvalidArgumentError(
      'CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)',
    );
  if (quota > 0 && quota < 1000)
    throw new InvalidArgumentError('CPU cfs quota can not be less than 1ms (i.e. 1000)');
  if (nano > 0) return nano / 1e9;
  return quota > 0 ? quota / (period || DEFAULT_CPU_PERIOD_US) : 0; // a quota of -1: none
}

/** {Name, Soft, Hard}, checked as `--ulimit NAME=SOFT:HARD` is. */
function ulimitFrom(u: JsonFields): ContainerRequest['ulimits'][number] {
  return parseUlimit(`${u.string('Name')}=${u.integer('Soft')}:${u.integer('Hard')}`);
}
