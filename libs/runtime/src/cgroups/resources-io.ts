/**
 * linux.resources.blockIO and .network, and the OOM killer switch, to cgroup
 * files (pure). v1 has a file for each; v2 has io.* for block I/O and nothing
 * for the rest, which is refused by name (v2Refusals) rather than dropped.
 */
import type { SpecProblem } from '../errors';
import type { OciBlockIO, OciResources, OciThrottleDevice } from '../oci/spec';
import type { CgroupWrite } from './cgroup-write';

const R = 'linux.resources';

const THROTTLES: readonly { field: keyof OciBlockIO; v1: string; v2: string }[] = [
  { field: 'throttleReadBpsDevice', v1: 'blkio.throttle.read_bps_device', v2: 'rbps' },
  { field: 'throttleWriteBpsDevice', v1: 'blkio.throttle.write_bps_device', v2: 'wbps' },
  { field: 'throttleReadIOPSDevice', v1: 'blkio.throttle.read_iops_device', v2: 'riops' },
  { field: 'throttleWriteIOPSDevice', v1: 'blkio.throttle.write_iops_device', v2: 'wiops' },
];

const WEIGHT_NEEDS =
  'this kernel has no proportional block I/O weights (they need the BFQ I/O scheduler, or CFQ before Linux 5.0); remove the field or use the throttle* limits';

/** blkio weight (10..1000) onto v2's io.weight (1..10000), as runc does. */
export function blkioToIoWeight(weight: number): number {
  return 1 + Math.floor(((weight - 10) * 9999) / 990);
}

export function v1IoWrites(resources: OciResources | undefined): CgroupWrite[] {
  const writes: CgroupWrite[] = [];
  const io = resources?.blockIO;
  if (resources?.memory?.disableOOMKiller)
    writes.push({
      controller: 'memory',
      file: 'memory.oom_control',
      value: '1',
      specPath: `${R}.memory.disableOOMKiller`,
    });
  const blkio = (file: string, value: string, specPath: string, alternatives: string[] = []) =>
    writes.push({
      controller: 'blkio',
      file,
      value,
      specPath,
      alternatives: alternatives.map((f) => ({ file: f, value })),
      ...(file.includes('weight') ? { missing: WEIGHT_NEEDS } : {}),
    });
  if (io?.weight !== undefined)
    blkio('blkio.weight', String(io.weight), `${R}.blockIO.weight`, ['blkio.bfq.weight']);
  if (io?.leafWeight !== undefined)
    blkio('blkio.leaf_weight', String(io.leafWeight), `${R}.blockIO.leafWeight`);
  (io?.weightDevice ?? []).forEach((d, i) => {
    const at = `${R}.blockIO.weightDevice[${i}]`;
    if (d.weight !== undefined)
      blkio('blkio.weight_device', `${d.major}:${d.minor} ${d.weight}`, `${at}.weight`, [
        'blkio.bfq.weight_device',
      ]);
    if (d.leafWeight !== undefined)
      blkio('blkio.leaf_weight_device', `${d.major}:${d.minor} ${d.leafWeight}`, `${at}.leafWeight`);
  });
  for (const t of THROTTLES)
    ((io?.[t.field] as OciThrottleDevice[] | undefined) ?? []).forEach((d, i) =>
      blkio(t.v1, `${d.major}:${d.minor} ${d.rate}`, `${R}.blockIO.${t.field}[${i}]`),
    );
  const net = resources?.network;
  if (net?.classID !== undefined)
    writes.push({
      controller: 'net_cls',
      file: 'net_cls.classid',
      value: String(net.classID),
      specPath: `${R}.network.classID`,
    });
  (net?.priorities ?? []).forEach((p, i) =>
    writes.push({
      controller: 'net_prio',
      file: 'net_prio.ifpriomap',
      value: `${p.name} ${p.priority}`,
      specPath: `${R}.network.priorities[${i}]`,
    }),
  );
  return writes;
}

export function v2IoWrites(resources: OciResources | undefined): CgroupWrite[] {
  const writes: CgroupWrite[] = [];
  const io = resources?.blockIO;
  // BFQ's weight has blkio's scale; io.weight (the io.cost controller) has its own
  const weight = (target: string, w: number, specPath: string) =>
    writes.push({
      file: 'io.bfq.weight',
      value: `${target}${w}`,
      specPath,
      alternatives: [{ file: 'io.weight', value: `${target || 'default '}${blkioToIoWeight(w)}` }],
      missing: WEIGHT_NEEDS,
    });
  if (io?.weight !== undefined) weight('', io.weight, `${R}.blockIO.weight`);
  (io?.weightDevice ?? []).forEach((d, i) => {
    if (d.weight !== undefined)
      weight(`${d.major}:${d.minor} `, d.weight, `${R}.blockIO.weightDevice[${i}].weight`);
  });
  for (const t of THROTTLES)
    ((io?.[t.field] as OciThrottleDevice[] | undefined) ?? []).forEach((d, i) =>
      writes.push({
        file: 'io.max',
        value: `${d.major}:${d.minor} ${t.v2}=${d.rate}`,
        specPath: `${R}.blockIO.${t.field}[${i}]`,
        missing:
          'the io controller is not enabled for this cgroup (see cgroup.subtree_control of its parents)',
      }),
    );
  return writes;
}

/** What cgroup v2 cannot do at all: refused by name, never dropped. */
export function v2Refusals(resources: OciResources | undefined): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const no = (path: string, why: string) => problems.push({ path: `${R}.${path}`, message: why });
  if (resources?.memory?.disableOOMKiller)
    no(
      'memory.disableOOMKiller',
      'cgroup v2 has no switch to disable the OOM killer (v1 had memory.oom_control); remove it, or raise memory.limit',
    );
  const io = resources?.blockIO;
  if (io?.leafWeight !== undefined)
    no('blockIO.leafWeight', 'cgroup v2 has no leaf weights (v1 CFQ only); remove it and use blockIO.weight');
  (io?.weightDevice ?? []).forEach((d, i) => {
    if (d.leafWeight !== undefined)
      no(`blockIO.weightDevice[${i}].leafWeight`, 'cgroup v2 has no leaf weights (v1 CFQ only); remove it');
  });
  const net = resources?.network;
  if (net?.classID !== undefined || net?.priorities?.length)
    no(
      'network',
      'cgroup v2 has no net_cls or net_prio controller; remove it (classify traffic with nftables on the cgroup path: "socket cgroupv2")',
    );
  return problems;
}
