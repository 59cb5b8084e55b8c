/**
 * linux.resources that cgroup v1 keeps in blkio, net_cls/net_prio and memory.oom_control: applied
 * and read back where this kernel has the file, refused by field (nothing made) where it has not.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CgroupV2Driver, InvalidSpecError, openCgroupDriver, type OciResources } from '@berth/runtime';
import { RuntimeHarness } from '@berth/testing';

let h: RuntimeHarness;
beforeAll(() => {
  h = RuntimeHarness.open('resources-io');
});
afterAll(() => h.cleanup());

const layout = openCgroupDriver().layout;
const v1 = layout.mode === 'v1' || layout.mode === 'hybrid';
const hierarchy = (controller: string) =>
  layout.mode === 'v1' || layout.mode === 'hybrid'
    ? layout.hierarchies.find((x) => x.controllers.includes(controller))?.mountPoint
    : undefined;
const fileOf = (controller: string, id: string, file: string) =>
  path.join(hierarchy(controller)!, h.cgroupParent, id, file);

/** A whole disk of this machine (throttling takes disks, not partitions), as MAJOR:MINOR. */
function aDisk(): { major: number; minor: number } | null {
  for (const name of fs.readdirSync('/sys/block')) {
    if (/^(loop|ram|zram)/.test(name)) continue;
    const [major, minor] = fs.readFileSync(`/sys/block/${name}/dev`, 'utf8').trim().split(':').map(Number);
    return { major, minor };
  }
  return null;
}

async function createWith(resources: OciResources): Promise<string> {
  const id = h.nextId();
  const spec = h.spec(id, { args: ['sleep', '60'] });
  spec.linux!.resources = { ...spec.linux!.resources, ...resources };
  await h.runtime.createAndStart(id, { bundle: h.tmp, spec });
  return id;
}

/** The create is refused with an error naming FIELD, and no state dir or cgroup of it is left. */
async function expectRefused(resources: OciResources, field: string, why: RegExp): Promise<void> {
  const id = `refused-${h.nextId()}`;
  const spec = h.spec(id, { args: ['true'] });
  spec.linux!.resources = { ...spec.linux!.resources, ...resources };
  const error = await h.runtime.createAndStart(id, { bundle: h.tmp, spec }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidSpecError);
  expect((error as Error).message).toContain(field);
  expect((error as Error).message).toMatch(why);
  expect(fs.existsSync(path.join(h.runtime.stateRoot, id))).toBe(false);
  for (const dir of h.cgroupDirs()) expect(fs.existsSync(path.join(dir, id))).toBe(false);
}

(v1 ? it : it.skip)('should turn the OOM killer off through memory.oom_control', async () => {
  const id = await createWith({ memory: { limit: 64 << 20, disableOOMKiller: true } });
  expect(fs.readFileSync(fileOf('memory', id, 'memory.oom_control'), 'utf8')).toMatch(
    /^oom_kill_disable 1$/m,
  );
  await h.runtime.delete(id, { force: true });
});

(v1 && aDisk() ? it : it.skip)('should write each block I/O throttle to its blkio file', async () => {
  const { major, minor } = aDisk()!;
  const dev = `${major}:${minor}`;
  const id = await createWith({
    blockIO: {
      throttleReadBpsDevice: [{ major, minor, rate: 1048576 }],
      throttleWriteBpsDevice: [{ major, minor, rate: 2097152 }],
      throttleReadIOPSDevice: [{ major, minor, rate: 100 }],
      throttleWriteIOPSDevice: [{ major, minor, rate: 200 }],
    },
  });
  const read = (file: string) => fs.readFileSync(fileOf('blkio', id, file), 'utf8');
  expect(read('blkio.throttle.read_bps_device')).toBe(`${dev} 1048576\n`);
  expect(read('blkio.throttle.write_bps_device')).toBe(`${dev} 2097152\n`);
  expect(read('blkio.throttle.read_iops_device')).toBe(`${dev} 100\n`);
  expect(read('blkio.throttle.write_iops_device')).toBe(`${dev} 200\n`);
  await h.runtime.delete(id, { force: true });
});

(v1 ? it : it.skip)(
  'should apply a block I/O weight where the kernel has one, else refuse it by name',
  async () => {
    const root = hierarchy('blkio')!;
    const file = ['blkio.weight', 'blkio.bfq.weight'].find((f) => fs.existsSync(path.join(root, f)));
    if (!file)
      return expectRefused(
        { blockIO: { weight: 500 } },
        'linux.resources.blockIO.weight: this kernel’s cgroup v1 has no blkio.weight or blkio.bfq.weight',
        /BFQ I\/O scheduler/,
      );
    const id = await createWith({ blockIO: { weight: 500 } });
    expect(fs.readFileSync(fileOf('blkio', id, file), 'utf8')).toMatch(/500/);
    await h.runtime.delete(id, { force: true });
  },
);

(v1 ? it : it.skip)(
  'should set network classes and priorities where net_cls and net_prio are mounted, else refuse',
  async () => {
    const network = { classID: 0x100001, priorities: [{ name: 'lo', priority: 3 }] };
    if (!hierarchy('net_cls') || !hierarchy('net_prio'))
      return expectRefused(
        { network },
        'cgroup controller is not mounted on this machine (cgroup v1), so net_',
        /linux\.resources\.network\.(classID|priorities\[0\])/,
      );
    const id = await createWith({ network });
    expect(fs.readFileSync(fileOf('net_cls', id, 'net_cls.classid'), 'utf8').trim()).toBe(String(0x100001));
    expect(fs.readFileSync(fileOf('net_prio', id, 'net_prio.ifpriomap'), 'utf8')).toMatch(/^lo 3$/m);
    await h.runtime.delete(id, { force: true });
  },
);

/** The huge page sizes this machine has, as hugetlb names them ("2MB", "1GB"). */
const hugePageSizes = fs.existsSync('/sys/kernel/mm/hugepages')
  ? fs.readdirSync('/sys/kernel/mm/hugepages').map((d) => {
      const kb = Number(/hugepages-(\d+)kB/.exec(d)![1]);
      return kb % 1048576 === 0 ? `${kb / 1048576}GB` : kb % 1024 === 0 ? `${kb / 1024}MB` : `${kb}KB`;
    })
  : [];

(hierarchy('hugetlb') && hugePageSizes.length ? it : it.skip)(
  'should limit huge pages per size, and refuse a size this machine has none of',
  async () => {
    const size = hugePageSizes.includes('2MB') ? '2MB' : hugePageSizes[0];
    // the kernel rounds a limit down to whole pages: four of them
    const unit = { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[size.slice(-2) as 'KB' | 'MB' | 'GB'];
    const limit = 4 * Number(size.slice(0, -2)) * unit;
    const id = await createWith({ hugepageLimits: [{ pageSize: size, limit }] });
    expect(fs.readFileSync(fileOf('hugetlb', id, `hugetlb.${size}.limit_in_bytes`), 'utf8').trim()).toBe(
      String(limit),
    );
    await h.runtime.delete(id, { force: true });
    await expectRefused(
      { hugepageLimits: [{ pageSize: '3MB', limit: 1 << 22 }] },
      'linux.resources.hugepageLimits[0]: this kernel’s cgroup v1 has no hugetlb.3MB.limit_in_bytes',
      /no huge pages of 3MB/,
    );
  },
);

(v1 ? it : it.skip)(
  'should refuse a field this kernel has no file for before writing any limit',
  async () => {
    await expectRefused(
      { memory: { limit: 64 << 20 }, blockIO: { leafWeight: 300 } },
      'linux.resources.blockIO.leafWeight',
      /has no blkio\.leaf_weight/,
    );
  },
);

describe('on cgroup v2 (this machine’s cgroup2 mount)', () => {
  const mount =
    layout.mode === 'v2'
      ? layout.mountPoint
      : layout.mode === 'hybrid'
        ? layout.unifiedMountPoint
        : undefined;
  const driver = () => new CgroupV2Driver({ mode: 'v2', mountPoint: mount! }, mount!);
  const path2 = (id: string) => `${h.cgroupParent}/${id}`;
  // the harness removes its parent from the v1 hierarchies only
  afterAll(() => {
    if (mount && fs.existsSync(path.join(mount, h.cgroupParent)))
      fs.rmdirSync(path.join(mount, h.cgroupParent));
  });

  (mount ? it : it.skip)(
    'should refuse what v2 has no switch or controller for, by field, before making the cgroup',
    () => {
      const id = 'v2-refused';
      expect(() =>
        driver().create(path2(id), { memory: { disableOOMKiller: true }, network: { classID: 1 } }, []),
      ).toThrow(
        /linux\.resources\.memory\.disableOOMKiller: cgroup v2 has no switch to disable the OOM killer.*linux\.resources\.network: cgroup v2 has no net_cls or net_prio controller/,
      );
      expect(fs.existsSync(path.join(mount!, path2(id)))).toBe(false);
    },
  );

  (mount ? it : it.skip)(
    'should write io.max where the io controller is on, else refuse and remove the cgroup',
    () => {
      const id = 'v2-io';
      const disk = aDisk()!;
      const resources = { blockIO: { throttleReadBpsDevice: [{ ...disk, rate: 1048576 }] } };
      const dir = path.join(mount!, path2(id));
      const hasIo = fs
        .readFileSync(path.join(mount!, 'cgroup.controllers'), 'utf8')
        .split(/\s+/)
        .includes('io');
      if (!hasIo) {
        expect(() => driver().create(path2(id), resources, [])).toThrow(
          'linux.resources.blockIO.throttleReadBpsDevice[0]: this kernel’s cgroup v2 has no io.max: the io controller is not enabled',
        );
        expect(fs.existsSync(dir)).toBe(false);
        return;
      }
      driver().create(path2(id), resources, []);
      expect(fs.readFileSync(path.join(dir, 'io.max'), 'utf8')).toContain(
        `${disk.major}:${disk.minor} rbps=1048576`,
      );
      fs.rmdirSync(dir);
    },
  );
});
