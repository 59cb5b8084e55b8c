/**
 * The cgroup drivers' file handling, over a directory tree laid out as the
 * kernel lays out cgroupfs. The kernel's own behaviour is tested for real in
 * test/runtime/limits.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CgroupV1Driver } from './v1';
import { CgroupV2Driver } from './v2';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cgroupfs-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function files(dir: string, content: Record<string, string>): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(content)) fs.writeFileSync(path.join(dir, name), value);
}
const read = (...p: string[]) => fs.readFileSync(path.join(root, ...p), 'utf8');

describe(CgroupV2Driver.name, () => {
  const driver = () => new CgroupV2Driver({ mode: 'v2', mountPoint: root }, root);

  beforeEach(() => {
    files(root, {
      'cgroup.controllers': 'cpuset cpu io memory hugetlb pids rdma',
      'cgroup.subtree_control': 'memory',
    });
    files(path.join(root, 'berth'), {
      'cgroup.controllers': 'cpuset cpu io memory pids',
      'cgroup.subtree_control': '',
    });
  });

  describe('create', () => {
    it('should delegate the controllers it uses at each level, and no others', () => {
      driver().create('berth/c1', { pids: { limit: 10 } }, []);
      expect(read('cgroup.subtree_control')).toBe('+cpuset +cpu +io +pids'); // memory was already on; hugetlb, rdma unused
      expect(read('berth', 'cgroup.subtree_control')).toBe('+cpuset +cpu +io +memory +pids');
      expect(read('berth', 'c1', 'pids.max')).toBe('10');
    });

    it('should plan a cgroup under levels not made yet without touching anything', () => {
      const plan = driver().plan('berth/new/c1', { pids: { limit: 5 } }, []);
      expect(plan).toEqual({
        dirs: [path.join(root, 'berth/new/c1')],
        writes: [
          {
            file: `${root}/cgroup.subtree_control`,
            value: '+cpuset +cpu +io +pids',
            specPath: 'linux.resources',
          },
          {
            file: `${root}/berth/cgroup.subtree_control`,
            value: '+cpuset +cpu +io +memory +pids',
            specPath: 'linux.resources',
          },
          // berth/new does not exist yet: it is offered what berth delegates
          {
            file: `${root}/berth/new/cgroup.subtree_control`,
            value: '+cpuset +cpu +io +memory +pids',
            specPath: 'linux.resources',
          },
          { file: `${root}/berth/new/c1/pids.max`, value: '5', specPath: 'linux.resources.pids.limit' },
        ],
      });
      expect(fs.existsSync(path.join(root, 'berth/new'))).toBe(false);
      expect(read('cgroup.subtree_control')).toBe('memory');
    });

    it('should refuse a limit it cannot write, naming the field, and leave a cgroup it did not make', () => {
      fs.mkdirSync(path.join(root, 'berth', 'c2', 'memory.max'), { recursive: true }); // writing to a directory fails
      expect(() => driver().create('berth/c2', { memory: { limit: 1 << 30 } }, [])).toThrow(
        /linux\.resources\.memory\.limit: the kernel refused memory.max=1073741824/,
      );
      expect(fs.existsSync(path.join(root, 'berth', 'c2'))).toBe(true);
    });
  });

  it('should hand the cgroup and the files the kernel lists as delegatable to an owner, and no others', () => {
    files(path.join(root, 'berth', 'c1'), { 'cgroup.procs': '', 'cgroup.threads': '', 'memory.max': 'max' });
    const list = path.join(root, 'delegate');
    fs.writeFileSync(list, 'cgroup.procs\ncgroup.threads\ncgroup.subtree_control\nmemory.reclaim\n');
    driver().delegate('berth/c1', 100000, 100001, list);
    const owner = (name: string) => {
      const st = fs.statSync(path.join(root, 'berth', 'c1', name));
      return `${st.uid}:${st.gid}`;
    };
    expect([owner(''), owner('cgroup.procs'), owner('cgroup.threads')]).toEqual(
      Array(3).fill('100000:100001'),
    );
    expect(owner('memory.max')).toBe('0:0'); // a limit stays the parent's to set
  });

  it('should read stats, treating "max" as no limit', () => {
    files(path.join(root, 'berth', 'c1'), {
      'cpu.stat': 'usage_usec 1500\nuser_usec 1000\n',
      'memory.current': '4096\n',
      'memory.max': 'max\n',
      'memory.stat': 'anon 100\ninactive_file 512\n',
      'pids.current': '3\n',
      'pids.max': '20\n',
      'memory.events': 'low 0\nhigh 0\nmax 2\noom 1\noom_kill 1\n',
    });
    expect(driver().stats('berth/c1')).toEqual({
      cpuUsageNs: 1500000,
      memoryUsageBytes: 4096,
      memoryLimitBytes: null,
      memoryCacheBytes: 512,
      pidsCurrent: 3,
      pidsLimit: 20,
    });
    expect(driver().oomKillCount('berth/c1')).toBe(1);
  });

  it('should freeze through cgroup.freeze and wait for cgroup.events to say so', async () => {
    files(path.join(root, 'berth', 'c1'), {
      'cgroup.freeze': '0',
      'cgroup.events': 'populated 1\nfrozen 1\n',
    });
    await driver().freeze('berth/c1');
    expect(read('berth', 'c1', 'cgroup.freeze')).toBe('1');
    expect(driver().isFrozen('berth/c1')).toBe(true);
  });
});

describe(CgroupV1Driver.name, () => {
  const driver = () =>
    new CgroupV1Driver({
      mode: 'v1',
      hierarchies: [
        { mountPoint: path.join(root, 'cpu,cpuacct'), controllers: ['cpu', 'cpuacct'] },
        { mountPoint: path.join(root, 'cpuset'), controllers: ['cpuset'] },
        { mountPoint: path.join(root, 'memory'), controllers: ['memory'] },
        { mountPoint: path.join(root, 'pids'), controllers: ['pids'] },
      ],
    });

  beforeEach(() => {
    files(path.join(root, 'cpu,cpuacct'), {});
    files(path.join(root, 'cpuset'), { 'cpuset.cpus': '0-1\n', 'cpuset.mems': '0\n' });
    // a new cpuset cgroup starts empty; the kernel makes these files, the fake must too
    files(path.join(root, 'cpuset', 'berth'), { 'cpuset.cpus': '\n', 'cpuset.mems': '\n' });
    files(path.join(root, 'cpuset', 'berth', 'c1'), { 'cpuset.cpus': '\n', 'cpuset.mems': '\n' });
    files(path.join(root, 'memory'), {});
    files(path.join(root, 'pids'), {});
  });

  it('should make the cgroup in every hierarchy, give cpuset its parent’s CPUs, and write the limits', () => {
    driver().create('berth/c1', { memory: { limit: 64 << 20 }, cpu: { quota: 50000, period: 100000 } }, []);
    for (const h of ['cpu,cpuacct', 'cpuset', 'memory', 'pids'])
      expect(fs.existsSync(path.join(root, h, 'berth/c1'))).toBe(true);
    expect(read('cpuset', 'berth', 'cpuset.cpus')).toBe('0-1');
    expect(read('cpuset', 'berth', 'c1', 'cpuset.mems')).toBe('0');
    expect(read('memory', 'berth', 'c1', 'memory.limit_in_bytes')).toBe(String(64 << 20));
    expect(read('cpu,cpuacct', 'berth', 'c1', 'cpu.cfs_quota_us')).toBe('50000');
    expect(fs.existsSync(path.join(root, 'memory', 'berth', 'c1', 'memory.memsw.limit_in_bytes'))).toBe(
      false,
    );
  });

  it('should refuse, naming the field, a limit whose controller is not mounted, and leave nothing', () => {
    expect(() =>
      driver().create('berth/c1', { memory: { limit: 64 << 20 } }, [{ allow: false, access: 'rwm' }]),
    ).toThrow(
      'linux.resources.devices[0]: the devices cgroup controller is not mounted on this machine (cgroup v1), so devices.deny cannot be set',
    );
    expect(fs.existsSync(path.join(root, 'memory', 'berth', 'c1', 'memory.limit_in_bytes'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'pids', 'berth', 'c1'))).toBe(false);
  });

  it('should write blkio weights to BFQ’s file where CFQ’s is missing, and refuse when neither is there', () => {
    const blockIO = { weight: 500 };
    files(path.join(root, 'blkio', 'berth', 'c1'), { 'blkio.bfq.weight': '100\n' });
    const withBlkio = () =>
      new CgroupV1Driver({
        mode: 'v1',
        hierarchies: [{ mountPoint: path.join(root, 'blkio'), controllers: ['blkio'] }],
      });
    withBlkio().create('berth/c1', { blockIO }, []);
    expect(read('blkio', 'berth', 'c1', 'blkio.bfq.weight')).toBe('500');
    expect(fs.existsSync(path.join(root, 'blkio', 'berth', 'c1', 'blkio.weight'))).toBe(false);
    fs.rmSync(path.join(root, 'blkio', 'berth', 'c1', 'blkio.bfq.weight'));
    expect(() => withBlkio().create('berth/c1', { blockIO }, [])).toThrow(
      'linux.resources.blockIO.weight: this kernel’s cgroup v1 has no blkio.weight or blkio.bfq.weight: this kernel has no proportional block I/O weights',
    );
  });

  it('should skip memsw where the kernel has no swap accounting', () => {
    driver().create('berth/c1', { memory: { limit: 64 << 20, swap: 128 << 20 } }, []);
    expect(fs.existsSync(path.join(root, 'memory', 'berth', 'c1', 'memory.memsw.limit_in_bytes'))).toBe(
      false,
    );
  });

  it('should read an unlimited v1 memory limit as null', () => {
    files(path.join(root, 'memory', 'berth', 'c1'), {
      'memory.limit_in_bytes': '9223372036854771712\n',
      'memory.usage_in_bytes': '8192\n',
      'memory.stat': 'cache 0\ntotal_inactive_file 4096\n',
      'memory.oom_control': 'oom_kill_disable 0\nunder_oom 0\noom_kill 2\n',
    });
    files(path.join(root, 'pids', 'berth', 'c1'), { 'pids.current': '1\n', 'pids.max': 'max\n' });
    files(path.join(root, 'cpu,cpuacct', 'berth', 'c1'), { 'cpuacct.usage': '123456\n' });
    expect(driver().stats('berth/c1')).toEqual({
      cpuUsageNs: 123456,
      memoryUsageBytes: 8192,
      memoryLimitBytes: null,
      memoryCacheBytes: 4096,
      pidsCurrent: 1,
      pidsLimit: null,
    });
    expect(driver().oomKillCount('berth/c1')).toBe(2);
  });
});
